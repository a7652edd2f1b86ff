// Training pipeline pieces shared by train and the CV report: analyse rows once, fit the wording
// (n-gram) model, build feature vectors with it, fit the final cue model, pick the threshold.
import { analyze, type Analysis } from '../../src/core/classify/analyze';
import { CUES } from '../../src/core/classify/cues/index';
import { FEATURES, FEATURE_INDEX, featurize, gramStats, isMessage, messageWording, pitchParagraphs, type GramStats } from '../../src/core/classify/features';
import { buildGramTable, forEachGram, gramOfKey, type GramTable } from '../../src/core/classify/ngrams';
import type { Row } from './data';
import { fitLogReg, type LogRegModel, type SparseRow } from './logreg';
import { fBeta, confusion } from './metrics';

export type Domain = 'wechat' | 'sms';

export interface Doc {
  row: Row;
  domain: Domain;
  y: 0 | 1;
  analysis: Analysis;
  titleKeys: Float64Array;
  paraKeys: Float64Array[];
}

function keysOf(units: Uint16Array, start: number, end: number): Float64Array {
  const out: number[] = [];
  forEachGram(units, start, end, (key) => out.push(key));
  return Float64Array.from(out);
}

export function prepare(rows: readonly Row[], domain: Domain): Doc[] {
  return rows.map((row) => {
    const analysis = analyze(row.title, row.text);
    return {
      row,
      domain,
      y: row.label === 'promotional' ? 1 : 0,
      analysis,
      titleKeys: keysOf(analysis.titleGrams, 0, analysis.titleGrams.length),
      paraKeys: analysis.paragraphs.map((p) => keysOf(analysis.bodyGrams, p.start, p.end)),
    };
  });
}

export interface GramConfig {
  /** L2 strength of the n-gram logistic regression. */
  lambda: number;
  /** How many n-grams the shipped model keeps (largest |weight| first). */
  keep: number;
  /** Minimum number of groups (accounts, or single SMS messages) an n-gram must occur in. */
  minDf: number;
  /** Total weight of WeChat titles and of WeChat bodies, relative to all SMS messages (1 = as much). */
  wechatTitleShare: number;
  wechatBodyShare: number;
  /** Total weight of WeChat paragraphs (each labelled with its article's label; one article's paragraphs weigh as one). */
  wechatParagraphShare: number;
  /** Weight of each SMS message (0 leaves them out). */
  smsWeight: number;
}

export interface GramModel {
  grams: string[];
  /** Integer weights; the real weight is q * scale. */
  q: number[];
  scale: number;
  bias: number;
  /** The table the classifier builds from this model: training scores texts exactly as it does. */
  table: GramTable;
}

interface Unit {
  keys: Float64Array;
  y: 0 | 1;
  w: number;
  /** The unit's account group: an n-gram must occur in `minDf` different groups to be learned. */
  group: string;
}

function unitsOf(docs: readonly Doc[], cfg: GramConfig): Unit[] {
  const sms = docs.filter((d) => d.domain === 'sms').length;
  const wechat = docs.length - sms;
  const titleW = wechat > 0 ? (cfg.wechatTitleShare * Math.max(sms, wechat)) / wechat : 0;
  const bodyW = wechat > 0 ? (cfg.wechatBodyShare * Math.max(sms, wechat)) / wechat : 0;
  // Each article's paragraphs share one article's weight, so a long syllabus or product list does
  // not outvote many shorter articles with its topic words.
  const paraW = wechat > 0 ? (cfg.wechatParagraphShare * Math.max(sms, wechat)) / wechat : 0;
  const units: Unit[] = [];
  for (const d of docs) {
    const body = concat(d.paraKeys);
    if (d.domain === 'sms') {
      if (body.length > 0 && cfg.smsWeight > 0) units.push({ keys: body, y: d.y, w: cfg.smsWeight, group: d.row.group });
      continue;
    }
    if (d.titleKeys.length > 0 && titleW > 0) units.push({ keys: d.titleKeys, y: d.y, w: titleW, group: d.row.group });
    if (body.length > 0 && bodyW > 0) units.push({ keys: body, y: d.y, w: bodyW, group: d.row.group });
    // A service article's paragraphs all read as service. A promotional article's paragraphs read as
    // a pitch only from its first to its last pitch paragraph: the story before it and the
    // syllabus-free narrative are not evidence either way, and would teach topics, not selling.
    let picked = d.paraKeys.map((k, i) => ({ k, i }));
    if (d.y === 1) {
      const pitch = pitchParagraphs(d.analysis);
      const first = pitch.indexOf(true);
      const last = pitch.lastIndexOf(true);
      picked = first < 0 ? [] : picked.filter((p) => p.i >= first && p.i <= last);
    }
    const paragraphs = picked.filter((p) => p.k.length >= 5);
    if (paraW > 0) for (const p of paragraphs) units.push({ keys: p.k, y: d.y, w: paraW / paragraphs.length, group: d.row.group });
  }
  return units;
}

function concat(parts: readonly Float64Array[]): Float64Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bag of n-grams over `vocab`, divided by the square root of the unit's gram count (about its L2 norm). */
function rowOf(keys: Float64Array, vocab: Map<number, number>): SparseRow {
  const counts = new Map<number, number>();
  for (const k of keys) {
    const j = vocab.get(k);
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const norm = Math.sqrt(keys.length);
  const val = Float64Array.from(idx, (j) => counts.get(j)! / norm);
  return { idx, val };
}

function fitUnits(units: readonly Unit[], vocabKeys: readonly number[], lambda: number, maxIter: number): LogRegModel {
  const vocab = new Map(vocabKeys.map((k, i) => [k, i]));
  return fitLogReg(
    {
      rows: units.map((u) => rowOf(u.keys, vocab)),
      y: Uint8Array.from(units, (u) => u.y),
      weight: Float64Array.from(units, (u) => u.w),
      dim: vocabKeys.length,
    },
    { lambda, maxIter },
  );
}

/** Fits the wording model: n-gram LR, prune to the `keep` strongest, refit, quantise to integers. */
export function fitGrams(docs: readonly Doc[], cfg: GramConfig): GramModel {
  const units = unitsOf(docs, cfg);
  // Count the groups (accounts; each SMS is its own) an n-gram occurs in, so one article's or one
  // account's pet words (names, products) cannot enter the vocabulary through many paragraphs.
  const df = new Map<number, number>();
  const seen = new Map<number, string>();
  const byGroup = [...units].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  for (const u of byGroup) {
    for (const k of u.keys) {
      if (seen.get(k) === u.group) continue;
      seen.set(k, u.group);
      df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  const vocab = [...df.entries()].filter(([, n]) => n >= cfg.minDf).map(([k]) => k).sort((a, b) => a - b);
  // The full fit only ranks n-grams for pruning; the refit on the kept ones is run to convergence.
  const full = fitUnits(units, vocab, cfg.lambda, 100);
  const kept = vocab
    .map((k, i) => ({ k, w: full.w[i]! }))
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w) || a.k - b.k)
    .slice(0, cfg.keep)
    .map((e) => e.k)
    .sort((a, b) => a - b);
  const refit = fitUnits(units, kept, cfg.lambda, 400);
  let max = 0;
  for (const w of refit.w) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? Number((max / 127).toPrecision(6)) : 1;
  const grams: string[] = [];
  const q: number[] = [];
  kept.forEach((k, i) => {
    const qi = Math.round(refit.w[i]! / scale);
    if (qi === 0) return;
    grams.push(gramOfKey(k));
    q.push(qi);
  });
  return { grams, q, scale, bias: Number(refit.bias.toFixed(4)), table: buildGramTable(grams, q, scale) };
}

/** The wording model's n-gram sums for a doc, computed by the classifier's own code. */
export function gramStatsOf(d: Doc, m: GramModel): GramStats {
  return gramStats(d.analysis, m.table);
}

export interface Wordings {
  article: GramModel;
  message: GramModel;
}

export function fitWordings(docs: readonly Doc[], article: GramConfig, message: GramConfig): Wordings {
  return { article: fitGrams(docs, article), message: fitGrams(docs, message) };
}

/** A doc's feature vector, and for a message the message wording score. */
export interface DocFeatures {
  x: Float64Array;
  messageWording: number;
}

export function featuresOf(d: Doc, w: Wordings): DocFeatures {
  if (isMessage(d.analysis)) return { x: featurize(d.analysis, null), messageWording: messageWording(gramStatsOf(d, w.message)) };
  return { x: featurize(d.analysis, { stats: gramStatsOf(d, w.article), bias: w.article.bias }), messageWording: 0 };
}

export interface FinalConfig {
  /** L2 strength (towards the priors). */
  lambda: number;
  /** Total weight of WeChat articles relative to all SMS messages. */
  wechatShare: number;
}

/** Prior weights: each cue's own weight for its title and body presence, 0 for the rest. */
export function finalPrior(): Float64Array {
  const prior = new Float64Array(FEATURES.length);
  for (const c of CUES) {
    prior[FEATURE_INDEX.get(`${c.id}@title`)!] = c.weight;
    prior[FEATURE_INDEX.get(`${c.id}@body`)!] = c.weight;
  }
  return prior;
}

/**
 * Per-feature pull towards the prior. The unsubscribe cue stays at its prior: the SMS corpus labels
 * opt-in marketing that carries it as ham, against the product's definition (LABELING.md).
 */
export function finalPenalty(): Float64Array {
  const penalty = new Float64Array(FEATURES.length).fill(1);
  penalty[FEATURE_INDEX.get('unsubscribe@title')!] = 1e6;
  penalty[FEATURE_INDEX.get('unsubscribe@body')!] = 1e6;
  // Sponsorship has (almost) no train rows to learn from; LABELING.md decides its weight.
  penalty[FEATURE_INDEX.get('sponsored@title')!] = 1e3;
  penalty[FEATURE_INDEX.get('sponsored@body')!] = 1e3;
  return penalty;
}

export interface FinalModel {
  /** Article cue model. */
  w: Float64Array;
  bias: number;
  /** Message head: cue score scale, message wording weight, intercept. */
  message: { cueScale: number; wording: number; bias: number };
}

function cueScore(w: Float64Array, x: Float64Array): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i]! * x[i]!;
  return z;
}

/**
 * One logistic regression over articles and messages: the cue and structure features are shared,
 * plus the message wording score and an intercept shift that only untitled messages carry (they
 * differ in base rate; within either form the shift separates nothing). Shipped as two heads that
 * share the cue weights: articles use `bias`, messages `message.bias` and the wording weight.
 */
export function fitFinal(docs: readonly Doc[], f: readonly DocFeatures[], cfg: FinalConfig): FinalModel {
  const sms = docs.filter((d) => d.domain === 'sms').length;
  const wechat = docs.length - sms;
  const wechatW = wechat > 0 ? (cfg.wechatShare * Math.max(sms, wechat)) / wechat : 1;
  const dim = FEATURES.length + 2;
  const all = Int32Array.from({ length: dim }, (_, i) => i);
  const prior = new Float64Array(dim);
  prior.set(finalPrior());
  const penalty = new Float64Array(dim).fill(1);
  penalty.set(finalPenalty());
  const m = fitLogReg(
    {
      rows: docs.map((d, i) => {
        const val = new Float64Array(dim);
        val.set(f[i]!.x);
        val[dim - 2] = f[i]!.messageWording;
        val[dim - 1] = isMessage(d.analysis) ? 1 : 0;
        return { idx: all, val };
      }),
      y: Uint8Array.from(docs, (d) => d.y),
      weight: Float64Array.from(docs, (d) => (d.domain === 'wechat' ? wechatW : 1)),
      dim,
    },
    { lambda: cfg.lambda, prior, penalty, maxIter: 500 },
  );
  return {
    w: m.w.slice(0, FEATURES.length),
    bias: m.bias,
    message: { cueScale: 1, wording: m.w[dim - 2]!, bias: m.bias + m.w[dim - 1]! },
  };
}

export function logitOf(m: FinalModel, d: Doc, f: DocFeatures): number {
  const s = cueScore(m.w, f.x);
  return isMessage(d.analysis) ? m.message.cueScale * s + m.message.wording * f.messageWording + m.message.bias : s + m.bias;
}

/** The logit threshold with the best F-beta on (truth, logit) pairs; ties go to the higher threshold. */
export function bestThreshold(truth: readonly boolean[], logits: readonly number[], beta: number): { threshold: number; f: number } {
  const candidates = [...new Set(logits)].sort((a, b) => a - b);
  let best = { threshold: 0, f: -1 };
  for (let i = 0; i < candidates.length; i++) {
    const lo = candidates[i]!;
    const t = i > 0 ? (lo + candidates[i - 1]!) / 2 : lo - 1e-6;
    const f = fBeta(confusion(truth, logits.map((z) => z >= t)), beta);
    if (f >= best.f) best = { threshold: t, f };
  }
  return best;
}
