// What the article model and the verdict read of an analysed article. Every feature is a presence, a
// share or a mean, never a raw length, and each has a fixed direction: selling evidence (a cue that
// sells, pitch wording, pitch segments, an offer in the title) may only push towards promotional,
// service evidence (a news report, a job posting, a free event, informative wording) only towards
// service. Training keeps every weight on its side, so no reason can say "it sells, so it is service".
import type { Analysis } from './analyze';
import { CUES } from './cues/index';
import type { FeatureDef } from './paragraphs';

export interface ArticleFeatureDef extends FeatureDef {
  /** The reason this feature's contribution is reported under (a cue id or an evidence group). */
  group: string;
}

const sideOf = (weight: number): 1 | -1 => (weight > 0 ? 1 : -1);

/**
 * Cues whose presence anywhere in the body speaks for the whole article: a sponsorship disclosure
 * (LABELING.md: a sponsored post is promotional) and the service cues. A selling cue in the body is
 * evidence of a pitch, not of a promotional article: it counts through the pitch segments and how
 * much of the body they take, so a one-paragraph course plug cannot outweigh a long useful article.
 */
export const WHOLE_ARTICLE_CUES: readonly number[] = CUES.flatMap((c, i) => (c.weight < 0 || c.id === 'sponsored' ? [i] : []));

/** The article model's features (its evidence before segments are known). */
export const ARTICLE_FEATURES: readonly ArticleFeatureDef[] = [
  ...CUES.map((c): ArticleFeatureDef => ({ name: `${c.id}@title`, group: c.id, sign: sideOf(c.weight) })),
  ...WHOLE_ARTICLE_CUES.map((i): ArticleFeatureDef => ({ name: `${CUES[i]!.id}@body`, group: CUES[i]!.id, sign: sideOf(CUES[i]!.weight) })),
  { name: 'title-offer', group: 'title-offer', sign: 1 },
  { name: 'wording', group: 'wording', sign: 1 },
  { name: 'cue-coverage', group: 'cue-mix', sign: 1 },
  { name: 'cue-density', group: 'cue-mix', sign: 1 },
];

const SELLING_CUES: readonly number[] = CUES.flatMap((c, i) => (c.weight > 0 ? [i] : []));

/**
 * The verdict's features: the article's evidence, then its pitch segments (LABELING.md's mixed rule):
 * how much of the body they take (hard, and weighted by their paragraphs' pitch probability), how surely
 * they sell, whether the title names what they sell, and each selling cue inside them weighed by the
 * share of the body its segments take (a price in a footer counts for little, in a sales page for much).
 */
export const VERDICT_FEATURES: readonly ArticleFeatureDef[] = [
  ...ARTICLE_FEATURES,
  { name: 'pitch-share', group: 'pitch-segments', sign: 1 },
  { name: 'pitch-share-over-30', group: 'pitch-segments', sign: 1 },
  { name: 'pitch-strength', group: 'pitch-segments', sign: 1 },
  { name: 'pitch-probability', group: 'pitch-segments', sign: 1 },
  { name: 'title-in-pitch', group: 'title-offer', sign: 1 },
  ...SELLING_CUES.map((i): ArticleFeatureDef => ({ name: `${CUES[i]!.id}@pitch`, group: CUES[i]!.id, sign: 1 })),
];

/** Untitled messages (SMS-like): the cues anywhere in the text and the message wording model. */
export const MESSAGE_FEATURES: readonly ArticleFeatureDef[] = [
  ...CUES.map((c): ArticleFeatureDef => ({ name: `${c.id}@message`, group: c.id, sign: sideOf(c.weight) })),
  { name: 'message-wording', group: 'wording', sign: 1 },
  { name: 'message-wording-service', group: 'wording-service', sign: 1 },
];

const PRIOR = CUES.map((c) => c.weight);
const SELLS = CUES.map((c) => c.weight > 0);

/** Prior weight of the selling cues in a window of paragraphs needed to call a cue part of an offer. */
export const CLUSTER_MIN = 1.8;

/**
 * Paragraphs where selling cues cluster: the paragraph has a selling cue, and the distinct selling
 * cues in it and its two neighbours weigh at least CLUSTER_MIN by their priors (a disclosure alone is
 * enough). A cue counts for the article model's body evidence only there, not in a passing mention
 * ("优惠券" in a news report on coupons).
 */
export function cueClusters(a: Analysis): Uint8Array {
  const n = a.paragraphs.length;
  const masks = new Int32Array(n);
  for (let c = 0; c < a.hits.length; c++) {
    if (!SELLS[c]) continue;
    for (const p of a.hits[c]!.bodyParagraph) masks[p]! |= 1 << c;
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (masks[i] === 0) continue;
    const window = masks[i]! | (i > 0 ? masks[i - 1]! : 0) | (i + 1 < n ? masks[i + 1]! : 0);
    let weight = 0;
    for (let k = 0; k < PRIOR.length; k++) if (window & (1 << k)) weight += PRIOR[k]!;
    out[i] = weight >= CLUSTER_MIN ? 1 : 0;
  }
  return out;
}

/** What the wording models say: per paragraph its log-odds, and its selling and informative parts. */
export interface WordingScores {
  /** Pitch log-odds of each paragraph (bias included). */
  paragraph: Float64Array;
  /** The positive and the negative part of each paragraph's n-gram sum over sqrt(grams). */
  selling: Float64Array;
  informative: Float64Array;
  /** Offer log-odds of the title (bias included). */
  title: number;
}

/**
 * What an ordinary article's wording reads like: the median, over the train articles, of the mean
 * selling and informative parts of their paragraphs. The wording features count only what lies beyond
 * it, so sales wording is evidence only where a text has more of it than usual (and informative
 * wording only where it has more of that).
 */
export interface WordingBaseline {
  selling: number;
  informative: number;
}

/** The length-weighted means of the paragraphs' selling and informative wording parts. */
export function wordingMeans(a: Analysis, w: WordingScores): WordingBaseline {
  let total = 0;
  let selling = 0;
  let informative = 0;
  for (let i = 0; i < a.paragraphs.length; i++) {
    const p = a.paragraphs[i]!;
    const length = p.end - p.start;
    total += length;
    selling += length * w.selling[i]!;
    informative += length * w.informative[i]!;
  }
  return { selling: total > 0 ? selling / total : 0, informative: total > 0 ? informative / total : 0 };
}

/** The article model's features, in ARTICLE_FEATURES order (VERDICT_FEATURES long, segments left 0). */
export function articleFeatures(a: Analysis, w: WordingScores, clusters: Uint8Array, baseline: WordingBaseline): Float64Array {
  const k = CUES.length;
  const x = new Float64Array(VERDICT_FEATURES.length);
  let sellingHits = 0;
  for (let c = 0; c < k; c++) {
    if (a.hits[c]!.title.length > 0) x[c] = 1;
    if (SELLS[c]) sellingHits += a.hits[c]!.body.length;
  }
  let at = k;
  for (const c of WHOLE_ARTICLE_CUES) x[at++] = a.hits[c]!.body.length > 0 ? 1 : 0;
  let total = 0;
  let clustered = 0;
  const n = a.paragraphs.length;
  for (let i = 0; i < n; i++) {
    const p = a.paragraphs[i]!;
    total += p.end - p.start;
    if (clusters[i] === 1) clustered += p.end - p.start;
  }
  const means = wordingMeans(a, w);
  const selling = means.selling - baseline.selling;
  x[at++] = w.title > 0 ? w.title : 0;
  x[at++] = selling > 0 ? selling : 0;
  x[at++] = total > 0 ? clustered / total : 0;
  x[at++] = Math.min(1, Math.log1p((1000 * sellingHits) / Math.max(total, 200)) / Math.log(51));
  return x;
}

/** Fills the verdict's segment features (after ARTICLE_FEATURES) into `x`. */
export function segmentFeatures(
  x: Float64Array,
  a: Analysis,
  pitch: Uint8Array,
  probability: Float64Array,
  titleKeysInPitch: number,
): void {
  const n = a.paragraphs.length;
  // No segment: every segment feature is 0 (they were zeroed with the vector).
  if (!pitch.includes(1)) return;
  let total = 0;
  for (let i = 0; i < n; i++) total += a.paragraphs[i]!.end - a.paragraphs[i]!.start;
  let chars = 0;
  let strength = 0;
  let count = 0;
  let expected = 0;
  // Each segment's share of the body, and the cues inside it.
  const cueShare = new Float64Array(CUES.length);
  const inSegment = new Uint8Array(CUES.length);
  let segmentChars = 0;
  const close = (): void => {
    if (segmentChars === 0) return;
    for (const c of SELLING_CUES) if (inSegment[c] === 1) cueShare[c]! += segmentChars / total;
    inSegment.fill(0);
    segmentChars = 0;
  };
  const k = CUES.length;
  const own = new Uint8Array(n * k);
  for (const c of SELLING_CUES) for (const p of a.hits[c]!.bodyParagraph) own[p * k + c] = 1;
  for (let i = 0; i < n; i++) {
    const length = a.paragraphs[i]!.end - a.paragraphs[i]!.start;
    if (pitch[i] === 1) {
      expected += length * probability[i]!;
      chars += length;
      strength += probability[i]!;
      count++;
      segmentChars += length;
      for (const c of SELLING_CUES) if (own[i * k + c] === 1) inSegment[c] = 1;
    } else {
      close();
    }
  }
  close();
  const share = total > 0 ? chars / total : 0;
  let at = ARTICLE_FEATURES.length;
  x[at++] = share;
  x[at++] = share > 0.3 ? share - 0.3 : 0;
  x[at++] = count > 0 ? strength / count : 0;
  x[at++] = total > 0 ? expected / total : 0;
  x[at++] = titleKeysInPitch;
  for (const c of SELLING_CUES) x[at++] = cueShare[c]!;
}

/** The message head's features, in MESSAGE_FEATURES order. */
export function messageFeatures(a: Analysis, selling: number, informative: number): Float64Array {
  const k = CUES.length;
  const x = new Float64Array(MESSAGE_FEATURES.length);
  for (let c = 0; c < k; c++) if (a.hits[c]!.body.length > 0 || a.hits[c]!.title.length > 0) x[c] = 1;
  x[k] = selling;
  x[k + 1] = informative;
  return x;
}

/** Which paragraph holds folded body offset `pos` (paragraphs are sorted and disjoint). */
function paragraphAt(a: Analysis, pos: number): number {
  let lo = 0;
  let hi = a.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.paragraphs[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const MAX_TITLE_PAIRS = 40;

/**
 * How much of the title the pitch is about: the share of the title's two-character words (pairs of
 * letters or ideographs) that occur in a pitch paragraph. A title that names what the pitch sells
 * ("Three.js 小册上线了" over a booklet's sales page) is about the offer.
 */
export function titleInPitch(a: Analysis, pitch: Uint8Array): number {
  if (!pitch.includes(1)) return 0;
  const t = a.title.text;
  const body = a.body.text;
  let pairs = 0;
  let pitched = 0;
  const seen: string[] = [];
  for (let i = 0; i + 1 < t.length && pairs < MAX_TITLE_PAIRS; i++) {
    const c1 = t.charCodeAt(i);
    const c2 = t.charCodeAt(i + 1);
    if (!isWordUnit(c1) || !isWordUnit(c2)) continue;
    const pair = t.slice(i, i + 2);
    if (seen.includes(pair)) continue;
    seen.push(pair);
    pairs++;
    for (let at = body.indexOf(pair), tries = 0; at >= 0 && tries < 50; at = body.indexOf(pair, at + 1), tries++) {
      if (pitch[paragraphAt(a, at)] === 1) {
        pitched++;
        break;
      }
    }
  }
  return pairs > 0 ? pitched / pairs : 0;
}

function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x3400 && c < 0xa000);
}
