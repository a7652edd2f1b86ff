// Cross-validation on the train splits only: out-of-fold wording features, out-of-fold final
// scores, and the figures used to choose hyper-parameters and the decision threshold.
import { confusion, fBeta, scores, type Scores } from './metrics';
import {
  bestThreshold,
  featuresOf,
  fitFinal,
  fitWordings,
  logitOf,
  type Doc,
  type DocFeatures,
  type FinalConfig,
  type GramConfig,
} from './pipeline';
import { groupFolds } from './random';

export const FOLDS = 5;
export const SEED = 20250612;
/** F-beta used to pick the threshold: beta 0.5 weighs precision twice as much as recall. */
export const BETA = 0.5;

export function foldsOf(docs: readonly Doc[]): Int32Array {
  return groupFolds(
    docs.map((d) => `${d.domain}:${d.row.group}`),
    FOLDS,
    SEED,
  );
}

/** Wording features for every doc from an n-gram model that did not see the doc's fold. */
export function outOfFoldFeatures(docs: readonly Doc[], folds: Int32Array, article: GramConfig, message: GramConfig): DocFeatures[] {
  const x: DocFeatures[] = new Array<DocFeatures>(docs.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = fitWordings(
      docs.filter((_, i) => folds[i] !== f),
      article,
      message,
    );
    docs.forEach((d, i) => {
      if (folds[i] === f) x[i] = featuresOf(d, model);
    });
  }
  return x;
}

export interface CvResult {
  logits: Float64Array;
  /** Logit thresholds for titled articles (chosen on WeChat, F-beta) and untitled messages (SMS, F1). */
  threshold: number;
  untitledThreshold: number;
  wechat: Scores;
  wechatHigh: Scores;
  sms: Scores;
  objective: number;
}

/** Out-of-fold final logits, the threshold they suggest on WeChat, and the resulting scores. */
export function crossValidateFinal(docs: readonly Doc[], folds: Int32Array, x: readonly DocFeatures[], cfg: FinalConfig): CvResult {
  const logits = new Float64Array(docs.length);
  for (let f = 0; f < FOLDS; f++) {
    const idx = docs.map((_, i) => i).filter((i) => folds[i] !== f);
    const m = fitFinal(
      idx.map((i) => docs[i]!),
      idx.map((i) => x[i]!),
      cfg,
    );
    docs.forEach((d, i) => {
      if (folds[i] === f) logits[i] = logitOf(m, d, x[i]!);
    });
  }
  const wechat = docs.map((d, i) => ({ d, z: logits[i]! })).filter((e) => e.d.domain === 'wechat');
  const { threshold } = bestThreshold(
    wechat.map((e) => e.d.y === 1),
    wechat.map((e) => e.z),
    BETA,
  );
  const sms = docs.map((d, i) => ({ d, z: logits[i]! })).filter((e) => e.d.domain === 'sms');
  const untitledThreshold = sms.length > 0 ? bestThreshold(sms.map((e) => e.d.y === 1), sms.map((e) => e.z), 1).threshold : threshold;
  const score = (sel: (d: Doc) => boolean): Scores => {
    const picked = docs.map((d, i) => ({ d, z: logits[i]! })).filter((e) => sel(e.d));
    return scores(
      confusion(
        picked.map((e) => e.d.y === 1),
        picked.map((e) => e.z >= (e.d.analysis.title.units.length === 0 ? untitledThreshold : threshold)),
      ),
    );
  };
  const w = score((d) => d.domain === 'wechat');
  const wh = score((d) => d.domain === 'wechat' && d.row.confidence === 'high');
  const s = score((d) => d.domain === 'sms');
  // F0.5 on the clear WeChat cases (precision counts twice), then SMS accuracy.
  const whConfusion = confusion(
    docs.filter((d) => d.domain === 'wechat' && d.row.confidence === 'high').map((d) => d.y === 1),
    docs.map((d, i) => ({ d, z: logits[i]! })).filter((e) => e.d.domain === 'wechat' && e.d.row.confidence === 'high').map((e) => e.z >= threshold),
  );
  const objective = 0.8 * fBeta(whConfusion, BETA) + 0.2 * (Number.isNaN(s.accuracy) ? 0 : s.accuracy);
  return { logits, threshold, untitledThreshold, wechat: w, wechatHigh: wh, sms: s, objective };
}
