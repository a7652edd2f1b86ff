// Service or promotional, and why: reads the title, the body (plain text, one paragraph per line)
// and the page's structural cues, never the rest of the page. Pure and synchronous, linear in the
// text, so it runs in the content script and the body never leaves the page.
import type { ClassifyInput, PitchSegment, Reason, Verdict } from '../article';
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

/** Reason groups in a fixed order (the cues, then structure and wording), and each feature's group. */
const GROUPS: string[] = [];
const FEATURE_GROUP = new Int32Array(FEATURES.length);
for (let i = 0; i < FEATURES.length; i++) {
  let k = GROUPS.indexOf(FEATURES[i]!.group);
  if (k < 0) k = GROUPS.push(FEATURES[i]!.group) - 1;
  FEATURE_GROUP[i] = k;
}
const WORDING = GROUPS.includes('wording') ? GROUPS.indexOf('wording') : GROUPS.push('wording') - 1;
const PITCH = GROUPS.indexOf('pitch-share');
const CUE_MIX = GROUPS.indexOf('cue-mix');
// The first features are the cues' title presences, in cue order: group k < CUES.length is cue k.
if (CUES.some((c, k) => GROUPS[k] !== c.id)) throw new Error('reason groups out of cue order');

/** The words that show group `k`'s contribution: the cue's own words, the pitch paragraphs, the wording. */
const groupWords = (function groupWords(k: number, a: Analysis, pitch: readonly boolean[], g: GramStats, table: GramTable, sign: number): string[] {
  if (k < CUES.length) {
    const h = a.hits[k]!;
    const words = wordsOf(a.title, h.title);
    for (const w of wordsOf(a.body, h.body)) if (!words.includes(w)) words.push(w);
    return words.length > 8 ? words.slice(0, 8) : words;
  }
  const words: string[] = [];
  if (k === PITCH) {
    for (let i = 0; i < a.paragraphs.length && words.length < 4; i++) {
      const p = a.paragraphs[i]!;
      if (pitch[i]) words.push(originalSlice(a.body, p.start, p.end, 60));
    }
  } else if (k === CUE_MIX) {
    for (let c = 0; c < CUES.length && words.length < 8; c++) {
      if (CUES[c]!.weight > 0) for (const w of wordsOf(a.body, a.hits[c]!.body, 1)) words.push(w);
    }
  } else if (k === WORDING) {
    return wordingWords(a, g, table, sign);
  }
  return words;
});

/** Runs of pitch paragraphs as inclusive ranges of the body's lines. */
const segmentsOf = (function segmentsOf(a: Analysis, pitch: readonly boolean[]): PitchSegment[] {
  const out: PitchSegment[] = [];
  let total = 0;
  for (const p of a.paragraphs) total += p.end - p.start;
  let i = 0;
  while (i < pitch.length && out.length < 32) {
    if (!pitch[i]) {
      i++;
      continue;
    }
    let j = i;
    let chars = 0;
    while (j < pitch.length && pitch[j]) chars += a.paragraphs[j]!.end - a.paragraphs[j++]!.start;
    out.push({ start: a.paragraphLine[i]!, end: a.paragraphLine[j - 1]!, strength: 1, share: total > 0 ? round(chars / total) : 0 });
    i = j;
  }
  return out;
});

/** Classifies one article with `model` (the committed one by default). Never throws on any text. */
export const classify = (function classify(input: ClassifyInput, model: Model = defaultModel()): Verdict {
  const a = analyze(text(input?.title), text(input?.body), input?.cues);
  // Articles: cue weights plus the article wording model. Untitled messages: the same cue weights,
  // rescaled, plus the message wording model (model.ts).
  const message = isMessage(a);
  const table = message ? model.messageGrams() : model.grams();
  const g = gramStats(a, table);
  const pitch = pitchParagraphs(a);
  const x = featurize(a, message ? null : { stats: g, bias: model.gramBias }, pitch);
  const scale = message ? model.message.cueScale : 1;
  let z = message ? model.message.bias : model.bias;
  const sums = new Float64Array(GROUPS.length);
  const used = new Uint8Array(GROUPS.length);
  for (let i = 0; i < FEATURES.length; i++) {
    const c = scale * model.weights[i]! * x[i]!;
    if (c === 0) continue;
    z += c;
    sums[FEATURE_GROUP[i]!]! += c;
    used[FEATURE_GROUP[i]!] = 1;
  }
  if (message) {
    const c = model.message.wording * messageWording(g);
    if (c !== 0) {
      z += c;
      sums[WORDING]! += c;
      used[WORDING] = 1;
    }
  }
  const reasons: Reason[] = [];
  const shopWords = shopCard.detect(a.page);
  if (shopWords) {
    z += shopCard.weight;
    reasons.push({ cue: shopCard.id, words: shopWords, weight: shopCard.weight });
  }
  for (let k = 0; k < GROUPS.length; k++) {
    const weight = sums[k]!;
    if (used[k] === 0 || Math.abs(weight) < MIN_REASON_WEIGHT) continue;
    reasons.push({ cue: GROUPS[k]!, words: groupWords(k, a, pitch, g, table, weight > 0 ? 1 : -1), weight: round(weight) });
  }
  const promoScore = round(Number.isFinite(z) ? 1 / (1 + Math.exp(-z)) : z > 0 ? 1 : 0);
  const label = promoScore >= 0.5 ? 'promotional' : 'service';
  // What decided the verdict comes first, strongest first; what pulled the other way follows.
  const toward = label === 'promotional' ? 1 : -1;
  reasons.sort((p, q) => toward * (q.weight - p.weight) || (p.cue < q.cue ? -1 : 1));
  return {
    label,
    promoScore,
    reasons: reasons.slice(0, MAX_REASONS),
    segments: segmentsOf(a, pitch),
  };
});
