// Evidence means what it says: in the shipped model every selling cue, pitch segment, offer title and
// sales wording can only push towards promotional, and every service cue and informative wording only
// towards service. Walks every weight of the model file, then every reason on real articles.
import { describe, expect, test } from 'vitest';
import { CUES } from '../../src/core/classify/cues/index';
import { ARTICLE_FEATURES, MESSAGE_FEATURES, VERDICT_FEATURES } from '../../src/core/classify/features';
import { classify } from '../../src/core/classify/index';
import modelFile from '../../src/core/classify/model.json';
import { PARAGRAPH_FEATURES } from '../../src/core/classify/paragraphs';
import { loadSms, loadWechat } from '../../scripts/lib/data';
import { row } from './real-data';

const SELLING_GROUPS = new Set(['pitch-segments', 'title-offer', 'wording', 'cue-mix', 'shop-card', ...CUES.filter((c) => c.weight > 0).map((c) => c.id)]);
const SERVICE_GROUPS = new Set(['wording-service', ...CUES.filter((c) => c.weight < 0).map((c) => c.id)]);

describe('every weight of the shipped model keeps its side', () => {
  const heads = [
    ['article', ARTICLE_FEATURES, modelFile.article.weights],
    ['verdict', VERDICT_FEATURES, modelFile.verdict.weights],
    ['paragraph', PARAGRAPH_FEATURES, modelFile.paragraph.weights],
    ['message', MESSAGE_FEATURES, modelFile.message.weights],
  ] as const;

  test.each(heads)('%s head', (_name, defs, weights) => {
    expect(weights).toHaveLength(defs.length);
    defs.forEach((d, j) => {
      const w = weights[j]!;
      if (d.sign > 0) expect(w, d.name).toBeGreaterThanOrEqual(0);
      if (d.sign < 0) expect(w, d.name).toBeLessThanOrEqual(0);
    });
  });

  test.each(CUES.map((c) => [c.id, c.weight > 0 ? 'sells' : 'serves'] as const))('cue %s (%s): every feature of it on its side, in every head', (id, side) => {
    const sign = side === 'sells' ? 1 : -1;
    let seen = 0;
    for (const [, defs, weights] of heads) {
      defs.forEach((d, j) => {
        if (d.name.split('@')[0] !== id) return;
        seen++;
        expect(d.sign, d.name).toBe(sign);
        expect(sign * weights[j]!, d.name).toBeGreaterThanOrEqual(0);
      });
    }
    // At least its title (article and verdict heads), paragraph and message features.
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  test('only position priors are free of a side', () => {
    const free = [...ARTICLE_FEATURES, ...VERDICT_FEATURES, ...PARAGRAPH_FEATURES, ...MESSAGE_FEATURES].filter((d) => d.sign === 0).map((d) => d.name);
    expect([...new Set(free)].sort()).toEqual(['first-fifth', 'last-fifth', 'position']);
  });
});

describe('every reason a reader sees reads the right way, on real articles of both splits and SMS', () => {
  const sample = [...loadWechat().filter((_, i) => i % 3 === 0), ...loadSms().filter((_, i) => i % 50 === 0)];

  test(`${sample.length} texts`, () => {
    let selling = 0;
    let service = 0;
    for (const r of sample) {
      const v = classify({ title: r.title, body: r.text });
      for (const reason of v.reasons) {
        if (SELLING_GROUPS.has(reason.cue)) {
          expect(reason.weight, `${r.id} ${reason.cue}`).toBeGreaterThan(0);
          selling++;
        } else if (SERVICE_GROUPS.has(reason.cue)) {
          expect(reason.weight, `${r.id} ${reason.cue}`).toBeLessThan(0);
          service++;
        } else {
          throw new Error(`${r.id}: reason ${reason.cue} has no side`);
        }
      }
    }
    expect(selling).toBeGreaterThan(100);
    expect(service).toBeGreaterThan(100);
  });
});

describe('more selling never reads as less promotional', () => {
  const pitch = '原价699元，限时优惠仅需199元，名额有限，扫码添加助教报名，立即购买。';

  test.each(['wechat:exporter-article-01', 'wechat:picker-0089', 'wechat:lazy13-002', 'wechat:weextract-post'])('adding a pitch paragraph to %s raises its score', (ref) => {
    const r = row(ref);
    const before = classify({ title: r.title, body: r.text });
    const after = classify({ title: r.title, body: `${r.text}\n${pitch}` });
    expect(after.promoScore).toBeGreaterThanOrEqual(before.promoScore);
    expect(after.segments.length).toBeGreaterThan(0);
  });
});
