// Turns an analysed article into the model's feature vector. Every feature is a presence, a share
// or a position, never a raw length, so one model serves 60-character messages and 20,000-character
// articles: the cues, where they sit and how much of the body they cover carry the decision.
import type { Analysis, Span } from './analyze';
import { CUES } from './cues/index';
import { scoreSpan, spanScore, type GramTable } from './ngrams';

/** Sums of n-gram weights per paragraph and for the title (what a wording model says). */
export interface GramStats {
  titleSum: number;
  titleCount: number;
  paraSum: Float64Array;
  paraCount: Int32Array;
}

/** The article wording model's view of an article: its n-gram sums and the model's intercept. */
export interface ArticleWording {
  stats: GramStats;
  bias: number;
}

export type ReasonGroup = string;

interface FeatureDef {
  name: string;
  /** The reason (cue id) this feature's contribution is reported under. */
  group: ReasonGroup;
}

const POSITIVE = CUES.map((c) => c.weight > 0);
const PRIOR = CUES.map((c) => c.weight);

export const FEATURES: readonly FeatureDef[] = [
  ...CUES.map((c) => ({ name: `${c.id}@title`, group: c.id })),
  ...CUES.map((c) => ({ name: `${c.id}@body`, group: c.id })),
  { name: 'pitch-share', group: 'pitch-share' },
  { name: 'pitch-span', group: 'pitch-share' },
  { name: 'pitch-paragraphs', group: 'pitch-share' },
  { name: 'pitch-lead', group: 'pitch-share' },
  { name: 'pitch-tail-only', group: 'pitch-share' },
  { name: 'cue-variety', group: 'cue-mix' },
  { name: 'cue-density', group: 'cue-mix' },
  { name: 'wording-title', group: 'wording' },
  { name: 'wording-body', group: 'wording' },
  { name: 'wording-peak', group: 'wording' },
  { name: 'wording-share', group: 'wording' },
];

export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FEATURES.map((f, i) => [f.name, i]));

/** N-gram sums for the title and each paragraph under `table`. */
export const gramStats = (function gramStats(a: Analysis, table: GramTable): GramStats {
  const paraSum = new Float64Array(a.paragraphs.length);
  const paraCount = new Int32Array(a.paragraphs.length);
  scoreSpan(a.titleGrams, 0, a.titleGrams.length, table);
  const titleSum = spanScore.sum;
  const titleCount = spanScore.count;
  for (let i = 0; i < a.paragraphs.length; i++) {
    const p = a.paragraphs[i]!;
    scoreSpan(a.bodyGrams, p.start, p.end, table);
    paraSum[i] = spanScore.sum;
    paraCount[i] = spanScore.count;
  }
  return { titleSum, titleCount, paraSum, paraCount };
});

/** Prior weight of the selling cues found in a window of paragraphs must reach this to call it a pitch. */
export const PITCH_MIN = 1.8;

/**
 * Paragraphs that read as a pitch: the paragraph has a selling cue, and the distinct selling cues in
 * it and its two neighbours (WeChat editors break one offer over several short lines) weigh at
 * least PITCH_MIN by their priors; a disclosure alone is enough.
 */
export const pitchParagraphs = (function pitchParagraphs(a: Analysis): boolean[] {
  const n = a.paragraphs.length;
  const masks = new Int32Array(n);
  for (let c = 0; c < a.hits.length; c++) {
    if (!POSITIVE[c]) continue;
    for (const p of a.hits[c]!.bodyParagraph) masks[p]! |= 1 << c;
  }
  const out = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const own = masks[i]!;
    out[i] = false;
    if (own === 0) continue;
    const window = own | (i > 0 ? masks[i - 1]! : 0) | (i + 1 < n ? masks[i + 1]! : 0);
    let weight = 0;
    for (let k = 0; k < PRIOR.length; k++) if (window & (1 << k)) weight += PRIOR[k]!;
    out[i] = weight >= PITCH_MIN;
  }
  return out;
});

const spanLength = (function spanLength(s: Span): number {
  return s.end - s.start;
});

/**
 * Whether the text is read as an untitled message (SMS-like) rather than an article: messages are
 * scored by the message wording model, articles by the article wording model (see model.ts).
 */
export const isMessage = (function isMessage(a: Analysis): boolean {
  return a.title.units.length === 0;
});

/** What the message wording model says of a whole message: its n-gram sum over sqrt(n-gram count). */
export const messageWording = (function messageWording(g: GramStats): number {
  let sum = g.titleSum;
  let count = g.titleCount;
  for (let i = 0; i < g.paraSum.length; i++) {
    sum += g.paraSum[i]!;
    count += g.paraCount[i]!;
  }
  return count > 0 ? sum / Math.sqrt(count) : 0;
});

/**
 * The feature vector, in `FEATURES` order; the wording features need the article model's view.
 * `pitched` is `pitchParagraphs(a)` when the caller has it already.
 */
export const featurize = (function featurize(a: Analysis, wording: ArticleWording | null, pitched?: readonly boolean[]): Float64Array {
  const x = new Float64Array(FEATURES.length);
  const k = CUES.length;
  const pitch = pitched ?? pitchParagraphs(a);
  let variety = 0;
  let positiveHits = 0;
  for (let c = 0; c < k; c++) {
    const h = a.hits[c]!;
    if (h.title.length > 0) x[c] = 1;
    if (POSITIVE[c]) {
      positiveHits += h.body.length;
      // A selling cue counts for the body only where it is part of a pitch, not a passing mention.
      for (const p of h.bodyParagraph) {
        if (pitch[p]) {
          x[k + c] = 1;
          variety++;
          break;
        }
      }
    } else if (h.body.length > 0) {
      x[k + c] = 1;
    }
  }
  let at = 2 * k;

  let total = 0;
  let pitchChars = 0;
  let pitchCount = 0;
  let firstPitch = -1;
  let lastPitchEnd = -1;
  for (let i = 0; i < a.paragraphs.length; i++) {
    const length = spanLength(a.paragraphs[i]!);
    if (pitch[i]) {
      pitchChars += length;
      pitchCount++;
      if (firstPitch < 0) firstPitch = total;
      lastPitchEnd = total + length;
    }
    total += length;
  }
  const has = firstPitch >= 0 && total > 0;
  const share = has ? pitchChars / total : 0;
  x[at++] = share;
  x[at++] = has ? (lastPitchEnd - firstPitch) / total : 0;
  x[at++] = Math.min(1, Math.log1p(pitchCount) / Math.log(21));
  x[at++] = has ? 1 - firstPitch / total : 0;
  x[at++] = has && firstPitch >= 0.75 * total && share < 0.2 ? 1 : 0;
  x[at++] = Math.min(1, variety / 6);
  x[at++] = Math.min(1, Math.log1p((1000 * positiveHits) / Math.max(total, 200)) / Math.log(51));

  if (wording) {
    // Each paragraph is scored like the short units the article model was trained on.
    const g = wording.stats;
    let count = 0;
    let weighted = 0;
    let peak = -Infinity;
    let positiveCount = 0;
    for (let i = 0; i < g.paraSum.length; i++) {
      const n = g.paraCount[i]!;
      if (n === 0) continue;
      const s = g.paraSum[i]! / Math.sqrt(n);
      count += n;
      weighted += s * n;
      peak = Math.max(peak, g.paraSum[i]! / Math.sqrt(n + 4));
      if (wording.bias + s > 0) positiveCount += n;
    }
    x[at++] = g.titleSum / Math.sqrt(g.titleCount + 3);
    x[at++] = count > 0 ? weighted / count : 0;
    x[at++] = count > 0 ? peak : 0;
    x[at++] = count > 0 ? positiveCount / count : 0;
  }
  return x;
});
