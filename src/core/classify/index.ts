// Service or promotional, and why: reads the title, the body (plain text, one paragraph per line)
// and the page's structural cues, never the rest of the page. Pure and synchronous, linear in the
// text, so it runs in the content script and the body never leaves the page.
import type { ClassifyInput, Reason, Verdict } from '../article';
import { analyze, type Analysis } from './analyze';
import { wordsOf } from './cue';
import { CUES } from './cues/index';
import shopCard from './cues/shop-card';
import { FEATURES, featurize, gramStats, isMessage, messageWording, pitchParagraphs, type GramStats } from './features';
import { defaultModel, type Model } from './model';
import { forEachWeighted, type GramTable } from './ngrams';
import { originalSlice } from './normalize';

export { CUES } from './cues/index';

const MAX_REASONS = 16;
const MIN_REASON_WEIGHT = 0.05;

const text = (function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
});

const round = (function round(x: number): number {
  return Math.round(x * 1000) / 1000;
});

const hasDigit = (function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
});

/** One to three Latin letters: a bit of a word, not evidence. */
const isLatinFragment = (function isLatinFragment(word: string): boolean {
  if (word.length > 3) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
});

/** The n-grams that pushed the score most in the direction `sign`, from the title and the strongest paragraph. */
const wordingWords = (function wordingWords(a: Analysis, g: GramStats, table: GramTable, sign: number): string[] {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < g.paraSum.length; i++) {
    const s = (sign * g.paraSum[i]!) / Math.sqrt(g.paraCount[i]! + 4);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  // Keep offsets only; slice the few winners at the end (a long paragraph has thousands of grams).
  const found: { w: number; t: Analysis['title']; s: number; e: number }[] = [];
  const collect = (t: Analysis['title'], units: Uint16Array, from: number, to: number): void =>
    forEachWeighted(units, from, to, table, sign, (w, s, e) => found.push({ w, t, s, e }));
  collect(a.title, a.titleGrams, 0, a.titleGrams.length);
  const p = a.paragraphs[best];
  if (p) collect(a.body, a.bodyGrams, p.start, p.end);
  found.sort((x, y) => y.w - x.w || x.s - y.s);
  const words: string[] = [];
  for (const f of found) {
    const word = originalSlice(f.t, f.s, f.e);
    // Readable evidence only: no digit fragments, no bits of Latin words, nothing already quoted.
    if (word.length === 0 || hasDigit(word) || isLatinFragment(word)) continue;
    if (words.some((w) => w.includes(word))) continue;
    words.push(word);
    if (words.length >= 8) break;
  }
  return words;
});

const groupWords = (function groupWords(group: string, a: Analysis, g: GramStats, table: GramTable, sign: number): string[] {
  const c = CUES.findIndex((cue) => cue.id === group);
  if (c >= 0) {
    const h = a.hits[c]!;
    return [...wordsOf(a.title, h.title), ...wordsOf(a.body, h.body)].filter((w, i, all) => all.indexOf(w) === i).slice(0, 8);
  }
  if (group === 'pitch-share') {
    const pitch = pitchParagraphs(a);
    return a.paragraphs
      .filter((_, i) => pitch[i])
      .slice(0, 4)
      .map((p) => originalSlice(a.body, p.start, p.end, 60));
  }
  if (group === 'cue-mix') {
    return a.hits.flatMap((h, i) => (CUES[i]!.weight > 0 ? wordsOf(a.body, h.body, 1) : [])).slice(0, 8);
  }
  if (group === 'wording') return wordingWords(a, g, table, sign);
  return [];
});

/** Classifies one article with `model` (the committed one by default). Never throws on any text. */
export const classify = (function classify(input: ClassifyInput, model: Model = defaultModel()): Verdict {
  const a = analyze(text(input?.title), text(input?.body), input?.cues);
  // Articles: cue weights plus the article wording model. Untitled messages: the same cue weights,
  // rescaled, plus the message wording model (model.ts).
  const message = isMessage(a);
  const table = message ? model.messageGrams() : model.grams();
  const g = gramStats(a, table);
  const x = featurize(a, message ? null : { stats: g, bias: model.gramBias });
  const scale = message ? model.message.cueScale : 1;
  let z = message ? model.message.bias : model.bias;
  const byGroup = new Map<string, number>();
  for (let i = 0; i < FEATURES.length; i++) {
    const c = scale * model.weights[i]! * x[i]!;
    if (c === 0) continue;
    z += c;
    const group = FEATURES[i]!.group;
    byGroup.set(group, (byGroup.get(group) ?? 0) + c);
  }
  if (message) {
    const c = model.message.wording * messageWording(g);
    if (c !== 0) {
      z += c;
      byGroup.set('wording', (byGroup.get('wording') ?? 0) + c);
    }
  }
  const reasons: Reason[] = [];
  const shopWords = shopCard.detect(a.page);
  if (shopWords) {
    z += shopCard.weight;
    reasons.push({ cue: shopCard.id, words: shopWords, weight: shopCard.weight });
  }
  for (const [group, weight] of byGroup) {
    if (Math.abs(weight) < MIN_REASON_WEIGHT) continue;
    reasons.push({
      cue: group,
      words: groupWords(group, a, g, table, Math.sign(weight)),
      weight: round(weight),
    });
  }
  reasons.sort((p, q) => Math.abs(q.weight) - Math.abs(p.weight) || (p.cue < q.cue ? -1 : 1));
  const promoScore = round(Number.isFinite(z) ? 1 / (1 + Math.exp(-z)) : z > 0 ? 1 : 0);
  return {
    label: promoScore >= 0.5 ? 'promotional' : 'service',
    promoScore,
    reasons: reasons.slice(0, MAX_REASONS),
  };
});
