// The classifier's text plumbing: folding keeps offsets into the original, n-gram keys round-trip,
// the lexicon respects Latin word boundaries, and the table lookup agrees with the slow path.
import { describe, expect, test } from 'vitest';
import { buildLexicon } from '../../src/core/classify/lexicon';
import { buildGramTable, forEachGram, gramKey, gramOfKey, gramWeight, packGrams, scoreSpan, spanScore, unpackGrams } from '../../src/core/classify/ngrams';
import { normalizeText, originalSlice } from '../../src/core/classify/normalize';
import { row } from './real-data';

describe('normalizeText', () => {
  test.each([
    ['ＶＩＰ会员￥９９', 'vip会员¥99'],
    ['限\u200b时\u202e优\ufeff惠', '限时优惠'],
    ['A\u3000\u00a0  B\r\nC', 'a b\nc'],
  ])('%j folds to %j', (input, folded) => {
    expect(normalizeText(input).text).toBe(folded);
  });

  test('offsets lead back to the original words', () => {
    const original = '原价：１３９９元\u200b，仅需 ３９９元';
    const t = normalizeText(original);
    const at = t.text.indexOf('399');
    expect(originalSlice(t, at, at + 4)).toBe('３９９元');
  });

  test('a real article keeps its length order and every offset is inside it', () => {
    const r = row('wechat:lazy13-001');
    const t = normalizeText(r.text);
    expect(t.units.length).toBeLessThanOrEqual(r.text.length);
    for (let i = 1; i < t.origin.length; i++) expect(t.origin[i]!).toBeGreaterThan(t.origin[i - 1]!);
  });
});

describe('n-grams', () => {
  test('keys round-trip to their strings and digit runs read as one 0', () => {
    const grams: string[] = [];
    const t = normalizeText('原价1399元');
    forEachGram(t.units, 0, t.units.length, (key) => grams.push(gramOfKey(key)));
    expect(grams).toEqual(['原', '价', '原价', '0', '价0', '原价0', '元', '0元', '价0元']);
  });

  test('the fused scorer agrees with forEachGram + gramWeight', () => {
    const r = row('wechat:lazy13-010');
    const t = normalizeText(r.text);
    const grams = ['课程', '价0', '购买', '咨询', '心', '0元', '课', '的课程', '心理咨', '理咨询', '次卡', '体验次'];
    const table = buildGramTable(grams, [1, 2, 3, -1, 5, 4, -127, 7, -9, 11, 13, 17], 0.25);
    let slow = 0;
    let n = 0;
    forEachGram(t.units, 0, t.units.length, (key) => {
      slow += gramWeight(table, key);
      n++;
    });
    expect(slow).not.toBe(0);
    scoreSpan(t.units, 0, t.units.length, table);
    expect(spanScore.sum).toBeCloseTo(slow, 9);
    expect(spanScore.count).toBe(n);
  });

  test('a packed model unpacks to the table its grams build', () => {
    const grams = ['课程表', '价0', '购', '咨询', '心', '0元', 'vip'];
    const q = [1, -2, 127, -127, 0, 4, 9];
    const packed = packGrams(grams, q, 0.5);
    expect(packed.text).toBe('心购咨询价00元课程表vip');
    const a = unpackGrams(packed);
    const b = buildGramTable(grams, q, 0.5);
    const weightOf = (g: string): number => gramWeight(a, gramKey(g.length, g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2)));
    for (const [i, g] of grams.entries()) expect(weightOf(g)).toBe(q[i]! * 0.5);
    for (const [i, g] of grams.entries()) expect(gramWeight(b, gramKey(g.length, g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2)))).toBe(q[i]! * 0.5);
    expect(weightOf('课程')).toBe(0);
    expect(weightOf('课')).toBe(0);
  });
});

describe('lexicon', () => {
  test('Latin phrases match whole words only; Chinese phrases anywhere', () => {
    const lex = buildLexicon([['sale', '618', '优惠']]);
    const hits: string[] = [];
    const t = normalizeText('wholesale 2618 on sale 618大促优惠');
    lex.scan(t.units, t.text, 0, t.units.length, (_o, s, e) => hits.push(t.text.slice(s, e)));
    expect(hits).toEqual(['sale', '618', '优惠']);
  });
});
