// npm run train: fits the classifier on the train splits only (wechat-articles train with its pitch
// segments, the project's written examples, SMS train), chooses hyper-parameters by grouped
// cross-validation on those same rows, and writes src/core/classify/model.json. Seeded and
// deterministic: two runs write the same bytes. Test rows are never read here.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classify } from '../src/core/classify/index';
import { CUES } from '../src/core/classify/cues/index';
import { compileModel, MODEL_VERSION, type ModelFile } from '../src/core/classify/model';
import { packGrams } from '../src/core/classify/ngrams';
import { loadExtra, loadSegments, loadSms, loadWechat, REPO_ROOT, type SegmentRow } from './lib/data';
import { confusion, scores, type Scores } from './lib/metrics';
import {
  ARTICLE_FEATURES,
  articleX,
  cuePenalty,
  cuePrior,
  fitGrams,
  fitHead,
  linear,
  MESSAGE_FEATURES,
  messageUnits,
  messageX,
  PARAGRAPH_FEATURES,
  paragraphRows,
  paragraphUnits,
  paragraphX,
  prepare,
  segment,
  titleUnits,
  VERDICT_FEATURES,
  verdictX,
  wordingOf,
  SOURCED_WEIGHT,
  type Doc,
  type GramConfig,
  type GramModel,
  type HeadModel,
  wordingBaseline,
} from './lib/pipeline';
import type { WordingBaseline } from '../src/core/classify/features';
import { groupFolds } from './lib/random';

const MODEL_PATH = resolve(REPO_ROOT, 'src/core/classify/model.json');
export const SEED = 20250612;
export const FOLDS = 5;

const PARAGRAPH_GRAMS: GramConfig[] = (process.env['GRAMS'] ?? '1e-5:3000:5').split(',').map((c) => c.split(':').map(Number)).map(([lambda, keep, minDf]) => ({ lambda: lambda!, keep: keep!, minDf: minDf! }));
const TITLE_GRAMS: GramConfig = { lambda: 1e-4, keep: 1500, minDf: 3 };
const MESSAGE_GRAMS: GramConfig[] = [1e-6, 3e-6].map((lambda) => ({ lambda, keep: 4000, minDf: 3 }));
const ARTICLE_LAMBDA = [1e-4, 1e-3];
const PARAGRAPH_LAMBDA = 1e-5;
const SWITCH_COST = (process.env['SWITCH'] ?? '1,2').split(',').map(Number);
const VERDICT_LAMBDA = [3e-4, 1e-3, 3e-3];
const MESSAGE_LAMBDA = 1e-4;

function log(line: string): void {
  process.stdout.write(line + '\n');
}

function fmt(s: Scores): string {
  const n = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  return `P ${n(s.precision)} R ${n(s.recall)} F1 ${n(s.f1)}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Indices of `docs` outside fold `f` (training) and inside it. */
function split(folds: Int32Array, f: number): { train: number[]; held: number[] } {
  const train: number[] = [];
  const held: number[] = [];
  folds.forEach((k, i) => (k === f ? held : train).push(i));
  return { train, held };
}

interface WordingFit {
  paragraph: GramModel;
  title: GramModel;
}

/**
 * Out-of-fold wording scores take most of the training time; `DECLUTTER_TRAIN_CACHE=DIR` keeps them
 * between runs while the heads are worked on. The key covers the rows, the configuration and every
 * source file the scores depend on. The committed model comes from a run without it.
 */
function cached<T>(parts: unknown[], compute: () => T, encode: (v: T) => unknown, decode: (raw: unknown) => T): T {
  const dir = process.env['DECLUTTER_TRAIN_CACHE'];
  if (!dir) return compute();
  const h = createHash('sha1');
  h.update(JSON.stringify(parts));
  // What wording scores depend on: the text analysis, the n-gram code and the units (WORDING_UNITS).
  const src = resolve(REPO_ROOT, 'src/core/classify');
  const files = ['analyze.ts', 'cue.ts', 'lexicon.ts', 'ngrams.ts', 'normalize.ts', 'patterns.ts', 'wording.ts', ...readdirSync(resolve(src, 'cues')).map((c) => `cues/${c}`)];
  for (const f of files.sort()) h.update(readFileSync(resolve(src, f)));
  h.update(WORDING_UNITS);
  const file = resolve(dir, `${h.digest('hex')}.json`);
  if (existsSync(file)) return decode(JSON.parse(readFileSync(file, 'utf8')));
  const value = compute();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(encode(value)));
  return value;
}

/** Bump when paragraphUnits / titleUnits / fitGrams change: the cache key does not read pipeline.ts. */
const WORDING_UNITS = `units-v2-group${process.env['GROUP_WEIGHTING'] ?? 1}-written${process.env['WRITTEN_WEIGHT'] ?? 0.5}-sourced${process.env['SOURCED_WEIGHT'] ?? 0}-unannotated${process.env['WORDING_UNANNOTATED'] ?? 0}`;

type Scored = ReturnType<typeof wordingOf>;
const encodeScores = (ws: Scored[]): unknown => ws.map((w) => ({ p: Array.from(w.paragraph), s: Array.from(w.selling), i: Array.from(w.informative), t: w.title }));
const decodeScores = (raw: unknown): Scored[] =>
  (raw as { p: number[]; s: number[]; i: number[]; t: number }[]).map((w) => ({
    paragraph: Float64Array.from(w.p),
    selling: Float64Array.from(w.s),
    informative: Float64Array.from(w.i),
    title: w.t,
  }));

function fitWording(docs: readonly Doc[], cfg: GramConfig): WordingFit {
  return { paragraph: fitGrams(paragraphUnits(docs), cfg), title: fitGrams(titleUnits(docs), TITLE_GRAMS) };
}

interface ArticleCv {
  objective: number;
  high: Scores;
  all: Scores;
  paragraphs: Scores;
  hasPitch: Scores;
  cfg: { grams: GramConfig; article: number; switchCost: number; verdict: number };
  /** Out-of-fold features, for the final fit of the heads. */
  xa: Float64Array[];
  xp: Float64Array[];
  evidence: Float64Array;
  baseline: WordingBaseline;
  wording: Scored[];
}

function paragraphScores(docs: readonly Doc[], pitch: (i: number) => Uint8Array): { paragraphs: Scores; hasPitch: Scores } {
  const pt: boolean[] = [];
  const pp: boolean[] = [];
  const at: boolean[] = [];
  const ap: boolean[] = [];
  // Every train article counts: one nobody annotated (a service article) has no pitch paragraph, so
  // a detector that marks paragraphs of plain service articles pays for it in precision.
  docs.forEach((d, i) => {
    if (d.source !== 'wechat') return;
    const p = pitch(i);
    for (let j = 0; j < p.length; j++) {
      pt.push(d.gold?.[j] === 1);
      pp.push(p[j] === 1);
    }
    at.push(d.gold?.includes(1) ?? false);
    ap.push(p.includes(1));
  });
  return { paragraphs: scores(confusion(pt, pp)), hasPitch: scores(confusion(at, ap)) };
}

function verdictScores(docs: readonly Doc[], z: Float64Array, keep: (d: Doc) => boolean): Scores {
  const idx = docs.map((_, i) => i).filter((i) => docs[i]!.source === 'wechat' && keep(docs[i]!));
  return scores(
    confusion(
      idx.map((i) => docs[i]!.y === 1),
      idx.map((i) => z[i]! >= 0),
    ),
  );
}

/** The logit threshold with the best accuracy on (logit, truth) pairs; ties go to the one nearest 0. */
function accuracyThreshold(z: Float64Array, y: readonly number[]): { threshold: number; acc: number } {
  const order = Array.from(z.keys()).sort((a, b) => z[a]! - z[b]!);
  // With the threshold below every logit, every message reads promotional.
  let correct = y.filter((v) => v === 1).length;
  let best = { threshold: z[order[0]!]! - 1e-6, acc: correct / y.length };
  for (let k = 0; k < order.length; k++) {
    // Moving the threshold above order[k] turns it service.
    correct += y[order[k]!] === 0 ? 1 : -1;
    const next = k + 1 < order.length ? z[order[k + 1]!]! : z[order[k]!]! + 2e-6;
    if (next === z[order[k]!]) continue;
    const t = (z[order[k]!]! + next) / 2;
    const acc = correct / y.length;
    if (acc > best.acc + 1e-12 || (Math.abs(acc - best.acc) <= 1e-12 && Math.abs(t) < Math.abs(best.threshold))) best = { threshold: t, acc };
  }
  return best;
}

function main(): void {
  const t0 = performance.now();
  const segments = loadSegments();
  const written = loadExtra('written');
  const sourced = SOURCED_WEIGHT > 0 ? loadExtra('sourced') : { rows: [], segments: new Map<string, SegmentRow>() };
  const wechatRows = loadWechat().filter((r) => r.split === 'train');
  const docs = [...prepare(wechatRows, 'wechat', segments), ...prepare(written.rows, 'written', written.segments), ...prepare(sourced.rows, 'sourced', sourced.segments)];
  const smsDocs = prepare(
    loadSms().filter((r) => r.split === 'train'),
    'sms',
  );
  // Folds by account group; each written example is its own group. Written and sourced rows are
  // learned always and scored never, and get their folds apart from the corpus rows', so adding or
  // removing one never moves a scored row to another fold (CV figures stay comparable).
  const folds = new Int32Array(docs.length);
  for (const scored of [true, false]) {
    const idx = docs.flatMap((d, i) => ((d.source === 'wechat') === scored ? [i] : []));
    const f = groupFolds(
      idx.map((i) => docs[i]!.row.group),
      FOLDS,
      SEED,
    );
    idx.forEach((i, j) => (folds[i] = f[j]!));
  }
  const smsFolds = groupFolds(
    smsDocs.map((d) => d.row.group),
    FOLDS,
    SEED,
  );
  log(
    `train rows: wechat-articles ${wechatRows.length} (${[...segments.values()].filter((s) => s.split === 'train').length} with pitch segments), ` +
      `written ${written.rows.length}, sourced ${sourced.rows.length}, sms ${smsDocs.length} (${FOLDS}-fold CV grouped by account, seed ${SEED})`,
  );
  const y = docs.map((d) => d.y);
  const ones = docs.map((d) => d.w);

  // 1. Titled articles: wording models, then the article, paragraph and verdict heads, all out of fold.
  let best: ArticleCv | null = null;
  for (const grams of PARAGRAPH_GRAMS) {
    const wording = cached(
      ['oof-wording', grams, TITLE_GRAMS, docs.map((d) => [d.row.id, d.row.text.length]), Array.from(folds)],
      () => {
        const out = new Array<Scored>(docs.length);
        for (let f = 0; f < FOLDS; f++) {
          const { train, held } = split(folds, f);
          const fit = fitWording(
            train.map((i) => docs[i]!),
            grams,
          );
          for (const i of held) out[i] = wordingOf(docs[i]!, fit.paragraph, fit.title);
        }
        return out;
      },
      encodeScores,
      decodeScores,
    );
    const baseline = wordingBaseline(docs, wording);
    const xa = docs.map((d, i) => articleX(d, wording[i]!, baseline));
    for (const lamA of ARTICLE_LAMBDA) {
      const evidence = new Float64Array(docs.length);
      for (let f = 0; f < FOLDS; f++) {
        const { train, held } = split(folds, f);
        const head = fitHead(
          train.map((i) => xa[i]!),
          train.map((i) => y[i]!),
          train.map((i) => docs[i]!.w),
          ARTICLE_FEATURES,
          lamA,
          cuePrior(ARTICLE_FEATURES),
          cuePenalty(ARTICLE_FEATURES),
        );
        for (const i of held) evidence[i] = linear(head, xa[i]!, ARTICLE_FEATURES.length);
      }
      const xp = docs.map((d, i) => paragraphX(d, wording[i]!, evidence[i]!));
      const heads: HeadModel[] = [];
      for (let f = 0; f < FOLDS; f++) {
        const { train } = split(folds, f);
        const rows = train.map((i) => paragraphRows(docs[i]!, xp[i]!));
        heads.push(
          fitHead(
            rows.flatMap((r) => r.xs),
            rows.flatMap((r) => r.y),
            rows.flatMap((r) => r.w),
            PARAGRAPH_FEATURES,
            PARAGRAPH_LAMBDA,
          ),
        );
      }
      for (const switchCost of SWITCH_COST) {
        const seg = docs.map((d, i) => segment(d, xp[i]!, heads[folds[i]!]!, switchCost, wording[i]!.paragraph));
        const xf = docs.map((d, i) => verdictX(d, xa[i]!, seg[i]!));
        const ps = paragraphScores(docs, (i) => seg[i]!.pitch);
        for (const lamF of VERDICT_LAMBDA) {
          const z = new Float64Array(docs.length);
          for (let f = 0; f < FOLDS; f++) {
            const { train, held } = split(folds, f);
            const head = fitHead(
              train.map((i) => xf[i]!),
              train.map((i) => y[i]!),
              train.map((i) => docs[i]!.w),
              VERDICT_FEATURES,
              lamF,
              cuePrior(VERDICT_FEATURES),
              cuePenalty(VERDICT_FEATURES),
            );
            for (const i of held) z[i] = linear(head, xf[i]!);
          }
          const high = verdictScores(docs, z, (d) => d.row.confidence === 'high');
          const all = verdictScores(docs, z, () => true);
          const objective = 0.4 * high.f1 + 0.4 * all.f1 + 0.1 * ps.paragraphs.f1 + 0.1 * ps.hasPitch.f1;
          log(
            `grams ${grams.lambda} article ${lamA} switch ${switchCost} verdict ${lamF} | high ${fmt(high)} | all ${fmt(all)} | ` +
              `paragraphs ${fmt(ps.paragraphs)} | has pitch ${fmt(ps.hasPitch)} | objective ${objective.toFixed(3)}`,
          );
          if (!best || objective > best.objective + 1e-9) {
            best = { objective, high, all, ...ps, cfg: { grams, article: lamA, switchCost, verdict: lamF }, xa, xp, evidence, baseline, wording };
          }
        }
      }
    }
  }
  if (!best) throw new Error('empty grid');
  log(`chosen: ${JSON.stringify(best.cfg)}`);

  // 2. Untitled messages: the message wording model and head, out of fold on SMS.
  let bestMessage: { acc: number; grams: GramConfig; x: Float64Array[]; threshold: number } | null = null;
  for (const grams of MESSAGE_GRAMS) {
    const x = new Array<Float64Array>(smsDocs.length);
    for (let f = 0; f < FOLDS; f++) {
      const { train, held } = split(smsFolds, f);
      const m = fitGrams(
        messageUnits(train.map((i) => smsDocs[i]!)),
        grams,
      );
      for (const i of held) x[i] = messageX(smsDocs[i]!, m);
    }
    const z = new Float64Array(smsDocs.length);
    for (let f = 0; f < FOLDS; f++) {
      const { train, held } = split(smsFolds, f);
      const head = fitHead(
        train.map((i) => x[i]!),
        train.map((i) => smsDocs[i]!.y),
        train.map(() => 1),
        MESSAGE_FEATURES,
        MESSAGE_LAMBDA,
        cuePrior(MESSAGE_FEATURES),
        cuePenalty(MESSAGE_FEATURES),
      );
      for (const i of held) z[i] = linear(head, x[i]!);
    }
    // Messages are scored on accuracy: the out-of-fold logit threshold that gets most right is folded
    // into the head's bias (articles keep 0.5, where promoScore reads as a probability).
    const { threshold, acc } = accuracyThreshold(z, smsDocs.map((d) => d.y));
    log(`message grams ${grams.lambda}: SMS CV accuracy ${acc.toFixed(3)} at logit threshold ${threshold.toFixed(3)}`);
    if (!bestMessage || acc > bestMessage.acc + 1e-9) bestMessage = { acc, grams, x, threshold };
  }
  if (!bestMessage) throw new Error('empty message grid');

  // 3. Final fits on all train rows: wording models on the rows, heads on out-of-fold features
  // (the same kind of evidence they will see on new articles).
  const { cfg } = best;
  const wording = fitWording(docs, cfg.grams);
  const article = fitHead(best.xa, y, ones, ARTICLE_FEATURES, cfg.article, cuePrior(ARTICLE_FEATURES), cuePenalty(ARTICLE_FEATURES));
  const rows = docs.map((d, i) => paragraphRows(d, best.xp[i]!));
  const paragraph = fitHead(
    rows.flatMap((r) => r.xs),
    rows.flatMap((r) => r.y),
    rows.flatMap((r) => r.w),
    PARAGRAPH_FEATURES,
    PARAGRAPH_LAMBDA,
  );
  const xf = docs.map((d, i) => verdictX(d, best.xa[i]!, segment(d, best.xp[i]!, paragraph, cfg.switchCost, best.wording[i]!.paragraph)));
  const verdict = fitHead(xf, y, ones, VERDICT_FEATURES, cfg.verdict, cuePrior(VERDICT_FEATURES), cuePenalty(VERDICT_FEATURES));
  const messageGrams = fitGrams(messageUnits(smsDocs), bestMessage.grams);
  const message = fitHead(
    bestMessage.x,
    smsDocs.map((d) => d.y),
    smsDocs.map(() => 1),
    MESSAGE_FEATURES,
    MESSAGE_LAMBDA,
    cuePrior(MESSAGE_FEATURES),
    cuePenalty(MESSAGE_FEATURES),
  );

  message.bias -= bestMessage.threshold;
  const head = (h: HeadModel) => ({ weights: Array.from(h.weights, (w) => round(w, 4)), bias: round(h.bias, 4) });
  const file: ModelFile = {
    version: MODEL_VERSION,
    cues: CUES.map((c) => c.id),
    features: {
      article: ARTICLE_FEATURES.map((f) => f.name),
      verdict: VERDICT_FEATURES.map((f) => f.name),
      paragraph: PARAGRAPH_FEATURES.map((f) => f.name),
      message: MESSAGE_FEATURES.map((f) => f.name),
    },
    article: head(article),
    paragraph: { ...head(paragraph), switchCost: cfg.switchCost },
    verdict: head(verdict),
    message: head(message),
    wording: {
      paragraph: { grams: packGrams(wording.paragraph.grams, wording.paragraph.q, wording.paragraph.scale), bias: wording.paragraph.bias },
      title: { grams: packGrams(wording.title.grams, wording.title.q, wording.title.scale), bias: wording.title.bias },
      message: { grams: packGrams(messageGrams.grams, messageGrams.q, messageGrams.scale), bias: messageGrams.bias },
    },
    wordingBaseline: { selling: round(best.baseline.selling, 6), informative: round(best.baseline.informative, 6) },
    meta: {
      trainedOn: {
        'wechat-articles train': wechatRows.length,
        'written examples (scripts/train-data)': written.rows.length,
        'sourced articles (scripts/train-data)': sourced.rows.length,
        'zh_sms_spam train': smsDocs.length,
      },
      seed: SEED,
      folds: FOLDS,
      chosen: { ...cfg, title: TITLE_GRAMS, paragraphLambda: PARAGRAPH_LAMBDA, message: bestMessage.grams, messageLambda: MESSAGE_LAMBDA },
      cv: { wechatHigh: best.high, wechatAll: best.all, pitchParagraphs: best.paragraphs, hasPitch: best.hasPitch, smsAccuracy: bestMessage.acc },
    },
  };
  const json = JSON.stringify(file, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, 6) : v)) + '\n';
  writeFileSync(MODEL_PATH, json);
  log(`wrote ${MODEL_PATH} (${wording.paragraph.grams.length} paragraph, ${wording.title.grams.length} title, ${messageGrams.grams.length} message n-grams)`);
  log(`CV (train only): wechat high ${fmt(best.high)} | wechat all ${fmt(best.all)} | pitch paragraphs ${fmt(best.paragraphs)} | has pitch ${fmt(best.hasPitch)} | SMS accuracy ${bestMessage.acc.toFixed(3)}`);

  // 4. The classifier itself, run with the written file, must give what the fitted pieces give.
  const shipped = compileModel(JSON.parse(json) as ModelFile);
  let agree = 0;
  docs.forEach((d) => {
    const w = wordingOf(d, wording.paragraph, wording.title);
    const xa = articleX(d, w, best.baseline);
    const seg = segment(d, paragraphX(d, w, linear(article, xa, ARTICLE_FEATURES.length)), paragraph, cfg.switchCost, w.paragraph);
    const fitted = linear(verdict, verdictX(d, xa, seg)) >= 0;
    if ((classify({ title: d.row.title, body: d.row.text }, shipped).label === 'promotional') === fitted) agree++;
  });
  log(`the shipped classifier agrees with the fitted pieces on ${agree} of ${docs.length} train rows`);
  if (agree < docs.length - 2) throw new Error('the classifier and the training pipeline disagree: a feature is computed differently');

  // 5. What the model leans on.
  const show = (name: string, defs: readonly { name: string }[], h: HeadModel): void => {
    const ranked = defs
      .map((d, j) => ({ name: d.name, w: h.weights[j]! }))
      .filter((e) => e.w !== 0)
      .sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
    log(`${name} head (bias ${h.bias.toFixed(2)}): ${ranked.map((e) => `${e.name} ${e.w.toFixed(2)}`).join(', ')}`);
  };
  show('verdict', VERDICT_FEATURES, verdict);
  show('article', ARTICLE_FEATURES, article);
  show('paragraph', PARAGRAPH_FEATURES, paragraph);
  show('message', MESSAGE_FEATURES, message);
  const top = (m: GramModel, sign: number, k: number): string =>
    m.grams
      .map((g, i) => ({ g, q: m.q[i]! }))
      .filter((e) => sign * e.q > 0)
      .sort((a, b) => sign * (b.q - a.q) || (a.g < b.g ? -1 : 1))
      .slice(0, k)
      .map((e) => `${e.g}(${(e.q * m.scale).toFixed(1)})`)
      .join(' ');
  log(`pitch paragraph n-grams, selling: ${top(wording.paragraph, 1, 40)}`);
  log(`pitch paragraph n-grams, informative: ${top(wording.paragraph, -1, 40)}`);
  log(`offer title n-grams: ${top(wording.title, 1, 30)}`);
  log(`message n-grams, promotional: ${top(messageGrams, 1, 25)}`);
  log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main();
