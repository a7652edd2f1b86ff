// npm run eval: scores the committed classifier and two baselines on every held-out data set,
// per data set and split (never one blended number), and checks the issue's targets.
// `npm run eval -- --errors` also lists the headline rows it gets wrong, with their reasons.
import { classify } from '../src/core/classify/index';
import { trainKeywordRule, trainNaiveBayes, type Predictor } from './lib/baselines';
import { fixtureDuplicateIds, loadFbs, loadLiuli, loadSms, loadWechat, type Row } from './lib/data';
import { confusion, scores, type Confusion, type Scores } from './lib/metrics';

interface EvalSet {
  name: string;
  rows: Row[];
  /** Only recall is meaningful (every row is promotional). */
  recallOnly?: boolean;
}

interface Target {
  set: string;
  metric: keyof Scores;
  goal: number;
}

const HEADLINE = 'wechat-articles test, confidence high, without fixture duplicates';

const TARGETS: Target[] = [
  { set: HEADLINE, metric: 'precision', goal: 0.92 },
  { set: HEADLINE, metric: 'recall', goal: 0.85 },
  { set: 'liuli (test): title + keywords', metric: 'accuracy', goal: 0.85 },
  { set: 'FBS ads (test)', metric: 'recall', goal: 0.95 },
  { set: 'SMS test: both sources', metric: 'accuracy', goal: 0.93 },
];

function fmt(x: number): string {
  return Number.isNaN(x) ? '  -  ' : x.toFixed(3);
}

function main(): void {
  const wechat = loadWechat();
  const duplicates = fixtureDuplicateIds();
  const wechatTest = wechat.filter((r) => r.split === 'test');
  const sms = loadSms();
  const smsTest = sms.filter((r) => r.split === 'test');
  const sets: EvalSet[] = [
    { name: HEADLINE, rows: wechatTest.filter((r) => r.confidence === 'high' && !duplicates.has(r.id)) },
    { name: 'wechat-articles test, all rows', rows: wechatTest },
    { name: 'liuli (test): title + keywords', rows: loadLiuli(true) },
    { name: 'liuli (test): title only', rows: loadLiuli(false) },
    { name: 'FBS ads (test)', rows: loadFbs(), recallOnly: true },
    { name: 'SMS test: both sources', rows: smsTest },
    { name: 'SMS test: mudou_spam', rows: smsTest.filter((r) => r.source === 'mudou_spam') },
    { name: 'SMS test: sms800k_head10k', rows: smsTest.filter((r) => r.source === 'sms800k_head10k') },
  ];

  // Baselines learn from the same train splits as the classifier.
  const train = [...wechat.filter((r) => r.split === 'train'), ...sms.filter((r) => r.split === 'train')];
  const ours: Predictor = {
    name: 'ours (classify)',
    predict: (row) => classify({ title: row.title, body: row.text }).label === 'promotional',
  };
  const predictors: Predictor[] = [ours, trainKeywordRule(train), trainNaiveBayes(train)];

  const out: string[] = [];
  out.push('data set / split | model | rows | accuracy | P(promo) | R(promo) | F1(promo) | confusion [TP FP; FN TN]');
  const results = new Map<string, Scores>();
  for (const set of sets) {
    out.push('');
    out.push(`${set.name} (${set.rows.length} rows, ${set.rows.filter((r) => r.label === 'promotional').length} promotional)`);
    for (const p of predictors) {
      const c: Confusion = confusion(
        set.rows.map((r) => r.label === 'promotional'),
        set.rows.map((r) => p.predict(r)),
      );
      const s = scores(c);
      if (p === ours) results.set(set.name, s);
      const cells = set.recallOnly
        ? `${fmt(Number.NaN)} | ${fmt(Number.NaN)} | ${fmt(s.recall)} | ${fmt(Number.NaN)}`
        : `${fmt(s.accuracy)} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)}`;
      out.push(`  ${p.name.padEnd(28)} | ${String(s.rows).padStart(5)} | ${cells} | [${c.tp} ${c.fp}; ${c.fn} ${c.tn}]`);
    }
  }
  out.push('');
  out.push('targets (ours):');
  for (const t of TARGETS) {
    const v = results.get(t.set)?.[t.metric] ?? Number.NaN;
    const ok = v >= t.goal;
    out.push(`  ${ok ? 'MET    ' : 'NOT MET'} ${t.set}: ${t.metric} ${fmt(v)} (goal >= ${t.goal}${ok ? '' : `, short by ${(t.goal - v).toFixed(3)}`})`);
  }
  if (process.argv.includes('--errors')) {
    out.push('');
    out.push(`${HEADLINE}: rows we get wrong`);
    for (const r of sets[0]!.rows) {
      const v = classify({ title: r.title, body: r.text });
      if ((v.label === 'promotional') === (r.label === 'promotional')) continue;
      const why = v.reasons
        .slice(0, 4)
        .map((x) => `${x.cue} ${x.weight} [${x.words.slice(0, 3).join(' / ')}]`)
        .join('; ');
      out.push(`  ${v.label === 'promotional' ? 'false promo' : 'missed promo'} ${r.id} ${v.promoScore} ${r.title.slice(0, 40)} | ${why}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
