// The two baselines the classifier must beat, trained on the same train splits: a keyword-count
// rule (threshold chosen on train) and multinomial naive Bayes over character 1-3-grams.
import { forEachGram } from '../../src/core/classify/ngrams';
import { normalizeText } from '../../src/core/classify/normalize';
import type { Row } from './data';

/** Common promotional words, Chinese and English, the way a quick filter would list them. */
export const KEYWORDS = [
  '广告', '推广', '赞助', '购买', '下单', '抢购', '优惠', '折扣', '打折', '特价', '促销', '秒杀', '包邮', '原价', '仅需', '元',
  '优惠券', '红包', '抽奖', '转发', '集赞', '福利', '免费', '赠送', '礼品', '扫码', '二维码', '加微信', '咨询', '报名', '课程',
  '训练营', '培训', '会员', '续费', '知识星球', '限时', '名额', '倒计时', '截止', '活动', '商城', '淘宝', '天猫', '京东',
  '小程序', '退订', '热线', '新品', 'buy', 'sale', 'discount', 'coupon', 'free', 'offer', 'deal', 'order', 'subscribe',
];

function keywordCount(text: string): number {
  const t = normalizeText(text).text;
  let n = 0;
  for (const k of KEYWORDS) {
    for (let at = t.indexOf(k); at >= 0; at = t.indexOf(k, at + k.length)) n++;
  }
  return n;
}

export interface Predictor {
  name: string;
  predict(row: Row): boolean;
}

/** Promotional when the title and body hold at least T keyword occurrences; T maximises train accuracy (mean over sources). */
export function trainKeywordRule(train: readonly Row[]): Predictor & { threshold: number } {
  const counts = train.map((r) => keywordCount(`${r.title}\n${r.text}`));
  const sources = [...new Set(train.map((r) => (r.source === 'wechat-articles' ? r.source : 'sms')))];
  let best = { threshold: 1, acc: -1 };
  for (let t = 1; t <= 30; t++) {
    let acc = 0;
    for (const s of sources) {
      const idx = train.map((_, i) => i).filter((i) => (train[i]!.source === 'wechat-articles' ? 'wechat-articles' : 'sms') === s);
      const ok = idx.filter((i) => counts[i]! >= t === (train[i]!.label === 'promotional')).length;
      acc += ok / idx.length / sources.length;
    }
    if (acc > best.acc) best = { threshold: t, acc };
  }
  const threshold = best.threshold;
  return { name: `keyword count >= ${threshold}`, threshold, predict: (row) => keywordCount(`${row.title}\n${row.text}`) >= threshold };
}

function gramsOf(row: Row): number[] {
  const t = normalizeText(`${row.title}\n${row.text}`);
  const keys: number[] = [];
  forEachGram(t.units, 0, t.units.length, (key) => keys.push(key));
  return keys;
}

/** Multinomial naive Bayes with add-one smoothing and class priors from the train rows. */
export function trainNaiveBayes(train: readonly Row[]): Predictor {
  const counts = [new Map<number, number>(), new Map<number, number>()];
  const totals = [0, 0];
  const docs = [0, 0];
  for (const r of train) {
    const c = r.label === 'promotional' ? 1 : 0;
    docs[c]!++;
    for (const k of gramsOf(r)) {
      counts[c]!.set(k, (counts[c]!.get(k) ?? 0) + 1);
      totals[c]!++;
    }
  }
  const vocab = new Set([...counts[0]!.keys(), ...counts[1]!.keys()]).size;
  const prior = docs.map((d) => Math.log(d / (docs[0]! + docs[1]!)));
  return {
    name: 'naive Bayes (char 1-3-grams)',
    predict(row) {
      const score = [prior[0]!, prior[1]!];
      for (const k of gramsOf(row)) {
        for (const c of [0, 1]) score[c]! += Math.log(((counts[c]!.get(k) ?? 0) + 1) / (totals[c]! + vocab));
      }
      return score[1]! > score[0]!;
    },
  };
}
