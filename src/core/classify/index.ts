// Service or promotional, and why: reads the title, the body (plain text, one paragraph per line)
// and the page's structural cues, never the rest of the page. Pure and synchronous, linear in the
// text, so it runs in the content script and the body never leaves the page.
//
// An article is decided the way LABELING.md decides it: find the pitch segments of the body, weigh
// how much of the text they take and whether the title is about the offer, next to the article's
// other evidence. Every piece of evidence has a fixed direction (see features.ts).
import type { ClassifyInput, PitchSegment, Reason, Verdict } from '../article';
import { analyze, type Analysis } from './analyze';
import { wordsOf } from './cue';
import { CUES } from './cues/index';
import shopCard from './cues/shop-card';
import {
  ARTICLE_FEATURES,
  articleFeatures,
  cueClusters,
  MESSAGE_FEATURES,
  messageFeatures,
  segmentFeatures,
  titleInPitch,
  VERDICT_FEATURES,
  type ArticleFeatureDef,
  type WordingScores,
} from './features';
import { defaultModel, type Head, type Model } from './model';
import { wordingScores } from './wording';
import { forEachWeighted, scoreSpan, spanScore, type GramTable } from './ngrams';
import { originalSlice } from './normalize';
import { decodePitch, paragraphCues, paragraphFeatures, pitchLogits, trimSegments } from './paragraphs';

export { CUES } from './cues/index';

const MAX_REASONS = 16;
const MAX_SEGMENTS = 32;
/** Contributions smaller than this move promoScore by under ~5 points at 0.5: too small to explain a verdict. */
const MIN_REASON_WEIGHT = 0.2;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function sigmoid(z: number): number {
  return Number.isFinite(z) ? 1 / (1 + Math.exp(-z)) : z > 0 ? 1 : 0;
}

/** Runs of pitch paragraphs as inclusive ranges of the body's lines, with their strength and share. */
function segmentsOf(a: Analysis, pitch: Uint8Array, probability: Float64Array): PitchSegment[] {
  const out: PitchSegment[] = [];
  let total = 0;
  for (const p of a.paragraphs) total += p.end - p.start;
  for (let i = 0; i < pitch.length && out.length < MAX_SEGMENTS; ) {
    if (pitch[i] !== 1) {
      i++;
      continue;
    }
    let j = i;
    let chars = 0;
    let strength = 0;
    while (j < pitch.length && pitch[j] === 1) {
      chars += a.paragraphs[j]!.end - a.paragraphs[j]!.start;
      strength += probability[j]!;
      j++;
    }
    out.push({
      start: a.paragraphLine[i]!,
      end: a.paragraphLine[j - 1]!,
      strength: round(strength / (j - i)),
      share: total > 0 ? round(chars / total) : 0,
    });
    i = j;
  }
  return out;
}

/** The n-grams of a span that pushed `table`'s score most in the direction `sign`, as the article's own words. */
function gramWords(t: Analysis['title'], units: Uint16Array, from: number, to: number, table: GramTable, sign: number, max = 6): string[] {
  const found: { w: number; s: number; e: number }[] = [];
  forEachWeighted(units, from, to, table, sign, (w, s, e) => found.push({ w, s, e }));
  found.sort((x, y) => y.w - x.w || x.s - y.s);
  const words: string[] = [];
  for (const f of found) {
    const word = originalSlice(t, f.s, f.e);
    if (word.length < 2 || /[0-9a-z]/i.test(word)) continue;
    if (words.some((w) => w.includes(word) || word.includes(w))) continue;
    words.push(word);
    if (words.length >= max) break;
  }
  return words;
}

/** The paragraph whose wording leans most in direction `sign`. */
function strongestParagraph(scores: Float64Array, sign: number, only?: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    if (only && only[i] !== 1) continue;
    const s = sign * scores[i]!;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

interface Evidence {
  a: Analysis;
  pitch: Uint8Array | null;
  wording: WordingScores | null;
  table: GramTable;
}

/** The article's own words behind a reason group. */
function groupWords(group: string, e: Evidence): string[] {
  const { a } = e;
  const c = CUES.findIndex((cue) => cue.id === group);
  if (c >= 0) {
    const h = a.hits[c]!;
    const words = wordsOf(a.title, h.title);
    for (const w of wordsOf(a.body, h.body)) if (!words.includes(w)) words.push(w);
    return words.slice(0, 8);
  }
  if (group === 'pitch-segments' || group === 'cue-mix') {
    const words: string[] = [];
    for (let k = 0; k < CUES.length && words.length < 8; k++) {
      if (CUES[k]!.weight <= 0) continue;
      const h = a.hits[k]!;
      const inside = h.body.filter((_, j) => group === 'cue-mix' || e.pitch?.[h.bodyParagraph[j]!] === 1);
      for (const w of wordsOf(a.body, inside, 2)) if (!words.includes(w) && words.length < 8) words.push(w);
    }
    return words;
  }
  if (group === 'title-offer') return a.title.original.trim() ? [originalSlice(a.title, 0, a.title.units.length, 60)] : [];
  if ((group === 'wording' || group === 'wording-service') && e.wording) {
    const sign = group === 'wording' ? 1 : -1;
    const p = strongestParagraph(group === 'wording' ? e.wording.selling : e.wording.informative, sign);
    const span = a.paragraphs[p];
    return span ? gramWords(a.body, a.bodyGrams, span.start, span.end, e.table, sign) : [];
  }
  if ((group === 'wording' || group === 'wording-service') && !e.wording) {
    return gramWords(a.body, a.bodyGrams, 0, a.bodyGrams.length, e.table, group === 'wording' ? 1 : -1);
  }
  return [];
}

/** Sums `head`'s contributions per reason group and turns them into reasons (the shop card too). */
function decide(head: Head, x: Float64Array, defs: readonly ArticleFeatureDef[], e: Evidence): { z: number; reasons: Reason[] } {
  let z = head.bias;
  const sums = new Map<string, number>();
  for (let i = 0; i < defs.length; i++) {
    const c = head.weights[i]! * x[i]!;
    if (c === 0) continue;
    z += c;
    sums.set(defs[i]!.group, (sums.get(defs[i]!.group) ?? 0) + c);
  }
  const reasons: Reason[] = [];
  const shopWords = shopCard.detect(e.a.page);
  if (shopWords) {
    z += shopCard.weight;
    reasons.push({ cue: shopCard.id, words: shopWords, weight: shopCard.weight });
  }
  for (const [group, weight] of sums) {
    if (Math.abs(weight) < MIN_REASON_WEIGHT) continue;
    reasons.push({ cue: group, words: groupWords(group, e), weight: round(weight) });
  }
  return { z, reasons };
}

function verdictOf(z: number, reasons: Reason[], segments: PitchSegment[], paragraphs: number): Verdict {
  const promoScore = round(sigmoid(z));
  const label = promoScore >= 0.5 ? 'promotional' : 'service';
  // What decided the verdict comes first, strongest first; what pulled the other way follows.
  const toward = label === 'promotional' ? 1 : -1;
  reasons.sort((p, q) => toward * (q.weight - p.weight) || (p.cue < q.cue ? -1 : 1));
  return { label, promoScore, reasons: reasons.slice(0, MAX_REASONS), segments, paragraphs };
}

function lineCount(body: string): number {
  if (body.length === 0) return 0;
  let n = 1;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/** An untitled text (a message): its cues and the message wording model; no segments. */
function classifyMessage(a: Analysis, model: Model, body: string): Verdict {
  const mw = model.wording.message;
  const table = mw.table();
  scoreSpan(a.bodyGrams, 0, a.bodyGrams.length, table);
  const root = spanScore.count > 0 ? Math.sqrt(spanScore.count) : 1;
  const x = messageFeatures(a, spanScore.pos / root, (spanScore.sum - spanScore.pos) / root);
  const { z, reasons } = decide(model.message, x, MESSAGE_FEATURES, { a, pitch: null, wording: null, table });
  return verdictOf(z, reasons, [], lineCount(body));
}

/** A text read for classification: its cues, n-grams and paragraphs (the first half of `classify`). */
export interface ReadText {
  a: Analysis;
  body: string;
}

/**
 * The first half of `classify`: reading the text. A page runs the two halves as two short tasks
 * (`readText`, then `classifyRead`) so neither holds its main thread for long; they give exactly what
 * `classify` gives.
 */
export function readText(input: ClassifyInput): ReadText {
  const body = text(input?.body);
  return { a: analyze(text(input?.title), body, input?.cues), body };
}

/** Classifies one article with `model` (the committed one by default). Never throws on any text. */
export function classify(input: ClassifyInput, model: Model = defaultModel()): Verdict {
  return classifyRead(readText(input), model);
}

/** The second half of `classify`: the wording, the segments and the verdict of a text `readText` read. */
export function classifyRead({ a, body }: ReadText, model: Model = defaultModel()): Verdict {
  if (a.title.units.length === 0) return classifyMessage(a, model, body);
  const wording = wordingScores(a, model.wording.paragraph, model.wording.title);
  const clusters = cueClusters(a);
  const x = articleFeatures(a, wording, clusters, model.wordingBaseline);
  let evidence = model.article.bias;
  for (let i = 0; i < ARTICLE_FEATURES.length; i++) evidence += model.article.weights[i]! * x[i]!;
  const n = a.paragraphs.length;
  const pc = paragraphCues(a);
  const px = paragraphFeatures(a, pc, clusters, wording.paragraph, { article: evidence, title: wording.title });
  const logits = pitchLogits(px, n, model.paragraph.weights, model.paragraph.bias);
  const pitch = trimSegments(decodePitch(logits, model.paragraph.switchCost), wording.paragraph, pc);
  const probability = logits.map(sigmoid);
  segmentFeatures(x, a, pitch, probability, titleInPitch(a, pitch));
  const { z, reasons } = decide(model.verdict, x, VERDICT_FEATURES, { a, pitch, wording, table: model.wording.paragraph.table() });
  return verdictOf(z, reasons, segmentsOf(a, pitch, probability), lineCount(body));
}
