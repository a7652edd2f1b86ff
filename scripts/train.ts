// npm run train: fits the classifier on the train splits only (wechat-articles train, SMS train),
// chooses hyper-parameters and thresholds by grouped cross-validation on those same rows, and writes
// src/core/classify/model.json. Seeded and deterministic: two runs write the same bytes.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CUES } from '../src/core/classify/cues/index';
import { FEATURES } from '../src/core/classify/features';
import type { ModelFile } from '../src/core/classify/model';
import { packGrams } from '../src/core/classify/ngrams';
import { crossValidateFinal, foldsOf, FOLDS, outOfFoldFeatures, SEED, BETA, type CvResult } from './lib/cv';
import { loadSms, loadWechat, REPO_ROOT } from './lib/data';
import type { Scores } from './lib/metrics';
import {
  fitFinal,
  fitGrams,
  fitWordings,
  gramStatsOf,
  prepare,
  type Doc,
  type DocFeatures,
  type FinalConfig,
  type GramConfig,
  type GramModel,
} from './lib/pipeline';

const MODEL_PATH = resolve(REPO_ROOT, 'src/core/classify/model.json');

/** The message model reads untitled texts; it learns from SMS only. */
const MESSAGE_GRID: GramConfig[] = [1e-6, 3e-6].map((lambda) => ({
  lambda,
  keep: 4000,
  minDf: 3,
  wechatTitleShare: 0,
  wechatBodyShare: 0,
  wechatParagraphShare: 0,
  smsWeight: 1,
}));

/** The article model reads titled texts; it learns from WeChat titles and paragraphs, plus SMS. */
const ARTICLE_GRID: GramConfig[] = [3e-6, 1e-5].flatMap((lambda) =>
  [0.5, 1].map((wechatParagraphShare) => ({
    lambda,
    keep: 4000,
    minDf: 3,
    wechatTitleShare: 0.3,
    wechatBodyShare: 0,
    wechatParagraphShare,
    smsWeight: 0.3,
  })),
);

const FINAL_GRID: FinalConfig[] = [0.001, 0.003, 0.01].flatMap((lambda) => [0.5, 1, 2].map((wechatShare) => ({ lambda, wechatShare })));

function fmt(s: Scores): string {
  const n = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  return `acc ${n(s.accuracy)} P ${n(s.precision)} R ${n(s.recall)}`;
}

function log(line: string): void {
  process.stdout.write(line + '\n');
}

/** SMS out-of-fold accuracy of a message model on its own (score = bias + mean-free sum / sqrt(n)). */
function messageAccuracy(docs: readonly Doc[], folds: Int32Array, cfg: GramConfig): number {
  let ok = 0;
  let n = 0;
  for (let f = 0; f < FOLDS; f++) {
    const m = fitGrams(
      docs.filter((_, i) => folds[i] !== f),
      cfg,
    );
    docs.forEach((d, i) => {
      if (folds[i] !== f || d.domain !== 'sms') return;
      const s = gramStatsOf(d, m);
      let sum = 0;
      let count = 0;
      s.paraSum.forEach((v) => (sum += v));
      s.paraCount.forEach((v) => (count += v));
      const z = m.bias + (count > 0 ? sum / Math.sqrt(count) : 0);
      n++;
      if (z >= 0 === (d.y === 1)) ok++;
    });
  }
  return ok / n;
}

function topGrams(m: GramModel, k: number): { promo: string[]; service: string[] } {
  const order = m.grams.map((g, i) => ({ g, q: m.q[i]! })).filter((e) => e.g.length > 1);
  const promo = [...order].sort((a, b) => b.q - a.q || (a.g < b.g ? -1 : 1)).slice(0, k);
  const service = [...order].sort((a, b) => a.q - b.q || (a.g < b.g ? -1 : 1)).slice(0, k);
  return { promo: promo.map((e) => `${e.g}(${(e.q * m.scale).toFixed(1)})`), service: service.map((e) => `${e.g}(${(e.q * m.scale).toFixed(1)})`) };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function main(): void {
  const t0 = performance.now();
  const wechatRows = loadWechat().filter((r) => r.split === 'train');
  const smsRows = loadSms().filter((r) => r.split === 'train');
  const docs = [...prepare(wechatRows, 'wechat'), ...prepare(smsRows, 'sms')];
  const folds = foldsOf(docs);
  log(`train rows: wechat-articles ${wechatRows.length}, sms ${smsRows.length} (${FOLDS}-fold CV grouped by account, seed ${SEED})`);

  // 1. Message model: plain SMS accuracy decides its strength.
  let message = MESSAGE_GRID[0]!;
  let bestAcc = -1;
  for (const cfg of MESSAGE_GRID) {
    const acc = messageAccuracy(docs, folds, cfg);
    log(`message model lambda ${cfg.lambda}: SMS CV accuracy ${acc.toFixed(3)}`);
    if (acc > bestAcc + 1e-9) {
      bestAcc = acc;
      message = cfg;
    }
  }

  // 2. Article model and final model, chosen together on out-of-fold scores.
  let best: { article: GramConfig; final: FinalConfig; x: DocFeatures[]; cv: CvResult } | null = null;
  for (const article of ARTICLE_GRID) {
    const x = outOfFoldFeatures(docs, folds, article, message);
    for (const final of FINAL_GRID) {
      const cv = crossValidateFinal(docs, folds, x, final);
      log(
        `article lambda ${article.lambda} paragraphs ${article.wechatParagraphShare} sms ${article.smsWeight} | final lambda ${final.lambda} wechat ${final.wechatShare}` +
          ` | wechat high ${fmt(cv.wechatHigh)} | wechat all ${fmt(cv.wechat)} | sms ${fmt(cv.sms)} | objective ${cv.objective.toFixed(3)}`,
      );
      if (!best || cv.objective > best.cv.objective + 1e-9) best = { article, final, x, cv };
    }
  }
  if (!best) throw new Error('empty grid');
  const { article, final, x, cv } = best;
  log(`chosen: article ${JSON.stringify(article)}, final ${JSON.stringify(final)}`);
  log(`CV (train only) at the chosen thresholds: wechat high ${fmt(cv.wechatHigh)} | wechat all ${fmt(cv.wechat)} | sms ${fmt(cv.sms)}`);

  // 3. Fit on all train rows: wording models on the rows, the final model on out-of-fold features
  // (the same kind of wording evidence it will see on new articles).
  const wordings = fitWordings(docs, article, message);
  const fm = fitFinal(docs, x, final);
  const weights = Array.from(fm.w, (w) => round(w, 4));
  // The thresholds found by CV are folded into the intercepts: promoScore 0.5 is the decision line.
  const bias = round(fm.bias - cv.threshold, 4);
  const messageHead = {
    cueScale: round(fm.message.cueScale, 4),
    wording: round(fm.message.wording, 4),
    bias: round(fm.message.bias - cv.untitledThreshold, 4),
  };

  const file: ModelFile = {
    version: 2,
    cues: CUES.map((c) => c.id),
    features: FEATURES.map((f) => f.name),
    weights,
    bias,
    grams: packGrams(wordings.article.grams, wordings.article.q, wordings.article.scale),
    gramBias: wordings.article.bias,
    messageGrams: packGrams(wordings.message.grams, wordings.message.q, wordings.message.scale),
    message: messageHead,
    meta: {
      trainedOn: { 'wechat-articles train': wechatRows.length, 'zh_sms_spam train': smsRows.length },
      seed: SEED,
      folds: FOLDS,
      beta: BETA,
      article,
      message,
      final,
      thresholds: { titled: round(cv.threshold, 4), untitled: round(cv.untitledThreshold, 4) },
      cv: {
        wechatHigh: cv.wechatHigh,
        wechatAll: cv.wechat,
        sms: cv.sms,
      },
    },
  };
  writeFileSync(MODEL_PATH, JSON.stringify(file, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, 6) : v)) + '\n');
  log(`wrote ${MODEL_PATH} (${wordings.article.grams.length} article n-grams, ${wordings.message.grams.length} message n-grams)`);

  // 4. What the model leans on: weight times the feature's spread on the WeChat training rows.
  const articleX = x.filter((_, i) => docs[i]!.domain === 'wechat').map((f) => f.x);
  const sd = FEATURES.map((_, j) => {
    let m = 0;
    for (const v of articleX) m += v[j]!;
    m /= articleX.length;
    let s = 0;
    for (const v of articleX) s += (v[j]! - m) ** 2;
    return Math.sqrt(s / articleX.length);
  });
  const ranked = FEATURES.map((f, j) => ({ name: f.name, w: weights[j]!, impact: weights[j]! * sd[j]! }))
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact))
    .slice(0, 20);
  log(`message head: cue score x ${messageHead.cueScale} + message wording x ${messageHead.wording} + ${messageHead.bias}`);
  log('top article features (weight x standard deviation on WeChat train):');
  for (const r of ranked) log(`  ${r.name.padEnd(24)} weight ${r.w.toFixed(3).padStart(7)}  impact ${r.impact.toFixed(3).padStart(7)}`);
  const a = topGrams(wordings.article, 25);
  const m = topGrams(wordings.message, 25);
  log(`article n-grams, promotional: ${a.promo.join(' ')}`);
  log(`article n-grams, service:     ${a.service.join(' ')}`);
  log(`message n-grams, promotional: ${m.promo.join(' ')}`);
  log(`message n-grams, service:     ${m.service.join(' ')}`);
  log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main();
