// Pitch segments: which paragraphs of the body sell. Each paragraph gets a pitch log-odds from its own
// cues and wording, its neighbours' (WeChat editors spread one offer over many short lines), and the
// article's overall evidence; a two-state pass (pitch / not pitch) then joins them into runs, so a
// syllabus between a price and a sign-up link reads as one segment. Selling evidence can only raise
// a paragraph's log-odds, service evidence only lower it (the model's signs are fixed in training).
import type { Analysis } from './analyze';
import { CUES } from './cues/index';

/** Cue indices that sell, and those that mark a service text (by the sign of the cue's prior). */
export const SELLING: readonly number[] = CUES.flatMap((c, i) => (c.weight > 0 ? [i] : []));
export const SERVICE: readonly number[] = CUES.flatMap((c, i) => (c.weight < 0 ? [i] : []));

export interface FeatureDef {
  name: string;
  /** +1: may only raise the score, -1: may only lower it, 0: free (position priors). */
  sign: 1 | -1 | 0;
}

/** Per-paragraph wording: the pitch wording model's log-odds of each paragraph (bias included). */
export type ParagraphWording = Float64Array;

export const PARAGRAPH_FEATURES: readonly FeatureDef[] = [
  ...SELLING.map((c): FeatureDef => ({ name: `${CUES[c]!.id}@paragraph`, sign: 1 })),
  ...SERVICE.map((c): FeatureDef => ({ name: `${CUES[c]!.id}@paragraph`, sign: -1 })),
  // Selling cues in the paragraph: how many kinds, and whether they cluster with its neighbours'.
  { name: 'own-cues', sign: 1 },
  { name: 'cue-cluster', sign: 1 },
  // Selling cues around the paragraph: within two, within five, ahead (a block ends in its call to
  // act), behind, and on both sides.
  { name: 'cues-near-2', sign: 1 },
  { name: 'cues-near-5', sign: 1 },
  { name: 'cue-ahead-3', sign: 1 },
  { name: 'cue-ahead-8', sign: 1 },
  { name: 'cue-behind-3', sign: 1 },
  { name: 'cue-behind-8', sign: 1 },
  { name: 'cues-both-sides', sign: 1 },
  { name: 'cue-share-to-end', sign: 1 },
  // The paragraph's own wording, its neighbours', and the rest of the article's from here on.
  { name: 'wording', sign: 1 },
  { name: 'wording-near-1', sign: 1 },
  { name: 'wording-near-3', sign: 1 },
  { name: 'wording-to-end', sign: 1 },
  // The article's evidence as a whole (log-odds of the article model) and the title's offer wording.
  { name: 'article', sign: 1 },
  { name: 'title-offer', sign: 1 },
  // Where the paragraph sits: pitches gather at the end. A prior, not evidence either way.
  { name: 'position', sign: 0 },
  { name: 'last-fifth', sign: 0 },
  { name: 'first-fifth', sign: 0 },
];

const F = PARAGRAPH_FEATURES.length;
const OWN_SELLING = 0;
const OWN_SERVICE = SELLING.length;
const CONTEXT = SELLING.length + SERVICE.length;

export interface ParagraphContext {
  /** The article model's log-odds (its evidence before segments). */
  article: number;
  /** The title offer wording score (bias included). */
  title: number;
}

/** Distinct selling cues in each paragraph, and the flags of each cue per paragraph. */
export interface ParagraphCues {
  /** `flags[p * CUES.length + c]` is 1 when cue c occurs in paragraph p. */
  flags: Uint8Array;
  /** Distinct selling cues per paragraph. */
  selling: Int32Array;
}

export function paragraphCues(a: Analysis): ParagraphCues {
  const n = a.paragraphs.length;
  const k = CUES.length;
  const flags = new Uint8Array(n * k);
  const selling = new Int32Array(n);
  for (let c = 0; c < k; c++) {
    const sells = CUES[c]!.weight > 0;
    for (const p of a.hits[c]!.bodyParagraph) {
      if (flags[p * k + c] === 0) {
        flags[p * k + c] = 1;
        if (sells) selling[p]!++;
      }
    }
  }
  return { flags, selling };
}

/**
 * The feature rows of every paragraph, row-major (`n * PARAGRAPH_FEATURES.length`). Linear in the
 * number of paragraphs: every window is a difference of prefix sums.
 */
export function paragraphFeatures(a: Analysis, cues: ParagraphCues, clusters: Uint8Array, wording: ParagraphWording, ctx: ParagraphContext): Float64Array {
  const n = a.paragraphs.length;
  const k = CUES.length;
  const x = new Float64Array(n * F);
  if (n === 0) return x;
  // Prefix sums: selling cues, paragraphs with a selling cue, wording.
  const cueSum = new Float64Array(n + 1);
  const hasSum = new Float64Array(n + 1);
  const wSum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    cueSum[i + 1] = cueSum[i]! + cues.selling[i]!;
    hasSum[i + 1] = hasSum[i]! + (cues.selling[i]! > 0 ? 1 : 0);
    wSum[i + 1] = wSum[i]! + wording[i]!;
  }
  // Window sums as differences of prefix sums, with the window's ends clamped to the body (written
  // out rather than through a helper: this loop runs once per page, cold, n times 20 windows).
  for (let i = 0; i < n; i++) {
    const row = i * F;
    for (let s = 0; s < SELLING.length; s++) x[row + OWN_SELLING + s] = cues.flags[i * k + SELLING[s]!]!;
    for (let s = 0; s < SERVICE.length; s++) x[row + OWN_SERVICE + s] = cues.flags[i * k + SERVICE[s]!]!;
    let at = row + CONTEXT;
    const own = cues.selling[i]!;
    const lo2 = i >= 2 ? i - 2 : 0;
    const lo3 = i >= 3 ? i - 3 : 0;
    const lo5 = i >= 5 ? i - 5 : 0;
    const lo8 = i >= 8 ? i - 8 : 0;
    const lo10 = i >= 10 ? i - 10 : 0;
    const hi1 = i + 2 <= n ? i + 2 : n; // exclusive ends
    const hi2 = i + 3 <= n ? i + 3 : n;
    const hi3 = i + 4 <= n ? i + 4 : n;
    const hi5 = i + 6 <= n ? i + 6 : n;
    const hi8 = i + 9 <= n ? i + 9 : n;
    const hi10 = i + 11 <= n ? i + 11 : n;
    const lo1 = i >= 1 ? i - 1 : 0;
    x[at++] = Math.log1p(own);
    x[at++] = clusters[i]!;
    x[at++] = Math.log1p(cueSum[hi2]! - cueSum[lo2]! - own);
    x[at++] = Math.log1p(cueSum[hi5]! - cueSum[lo5]! - own) / 2;
    x[at++] = hasSum[hi3]! - hasSum[i + 1]! > 0 ? 1 : 0;
    x[at++] = hasSum[hi8]! - hasSum[i + 1]! > 0 ? 1 : 0;
    x[at++] = hasSum[i]! - hasSum[lo3]! > 0 ? 1 : 0;
    x[at++] = hasSum[i]! - hasSum[lo8]! > 0 ? 1 : 0;
    x[at++] = hasSum[i]! - hasSum[lo10]! > 0 && hasSum[hi10]! - hasSum[i + 1]! > 0 ? 1 : 0;
    x[at++] = (hasSum[n]! - hasSum[i]!) / (n - i);
    const w = wording[i]!;
    x[at++] = w;
    const near1 = hi1 - lo1 - 1;
    x[at++] = near1 > 0 ? (wSum[hi1]! - wSum[lo1]! - w) / near1 : 0;
    const near3 = hi3 - lo3 - 1;
    x[at++] = near3 > 0 ? (wSum[hi3]! - wSum[lo3]! - w) / near3 : 0;
    x[at++] = (wSum[n]! - wSum[i]!) / (n - i);
    x[at++] = ctx.article;
    x[at++] = ctx.title;
    x[at++] = n > 1 ? i / (n - 1) : 0;
    x[at++] = i >= 0.8 * n ? 1 : 0;
    x[at++] = i < 0.2 * n ? 1 : 0;
  }
  return x;
}

/** Each paragraph's pitch log-odds under `weights` (PARAGRAPH_FEATURES order) and `bias`. */
export function pitchLogits(x: Float64Array, n: number, weights: Float64Array, bias: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = bias;
    const row = i * F;
    for (let j = 0; j < F; j++) z += weights[j]! * x[row + j]!;
    out[i] = z;
  }
  return out;
}

/**
 * The most likely pitch / not-pitch labelling of the paragraphs given their log-odds, where each
 * switch between the two costs `switchCost` (a Viterbi pass over two states). 1 marks pitch.
 */
export function decodePitch(logits: Float64Array, switchCost: number): Uint8Array {
  const n = logits.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  // Best score ending in state 0 / 1 at each paragraph, and which state it came from.
  const from0 = new Uint8Array(n);
  const from1 = new Uint8Array(n);
  let s0 = 0;
  let s1 = logits[0]!;
  for (let i = 1; i < n; i++) {
    const stay0 = s0;
    const enter0 = s1 - switchCost;
    const stay1 = s1;
    const enter1 = s0 - switchCost;
    from0[i] = enter0 > stay0 ? 1 : 0;
    from1[i] = stay1 >= enter1 ? 1 : 0;
    s0 = enter0 > stay0 ? enter0 : stay0;
    s1 = (stay1 >= enter1 ? stay1 : enter1) + logits[i]!;
  }
  let state = s1 > s0 ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = state;
    state = state === 1 ? from1[i]! : from0[i]!;
  }
  return out;
}

/**
 * A segment starts and ends on a paragraph that itself sells: a selling cue of its own, or wording
 * that reads as a pitch (its wording log-odds above 0). The run-level features (wording and cues
 * from a paragraph to the end) also lift the plain paragraphs just before a closing pitch; those are
 * trimmed off its edges, so the page marks the sales block and not the tips before it.
 */
export function trimSegments(pitch: Uint8Array, wording: ParagraphWording, cues: ParagraphCues): Uint8Array {
  const n = pitch.length;
  const sells = (i: number): boolean => cues.selling[i]! > 0 || wording[i]! > 0;
  for (let i = 0; i < n; ) {
    if (pitch[i] !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && pitch[j] === 1) j++;
    // [i, j) is a run: drop its plain edges.
    let lo = i;
    let hi = j - 1;
    while (lo <= hi && !sells(lo)) pitch[lo++] = 0;
    while (hi >= lo && !sells(hi)) pitch[hi--] = 0;
    i = j;
  }
  return pitch;
}

