import { describe, expect, test } from 'vitest';
import { PageArticle, PageQuery, parseReply, parseRequest } from '../../src/messages';

/** A seeded generator of junk: wrong types, missing fields, unknown kinds, huge and hostile strings. */
function junk(seed: number): unknown[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const values = (): unknown => pick([null, undefined, 0, -1, NaN, '', 'x'.repeat(1000), '<img src=x onerror=alert(1)>', [], {}, true, { __proto__: { polluted: 1 } }, '\u202e']);
  const types = ['article/observed', 'article/correct', 'account/mute', 'data/import', 'data/delete-all', 'undo', 'nope', '', 42];
  const out: unknown[] = [];
  for (let i = 0; i < 1000; i++) {
    const type = pick(types);
    const shape = Math.floor(rnd() * 6);
    if (shape === 0) out.push(values());
    else if (shape === 1) out.push({ type });
    else if (shape === 2) out.push({ type, observation: { key: values(), accountName: values(), verdict: { label: 'maybe', promoScore: 2, reasons: [] } } });
    else if (shape === 3) out.push({ type: 'data/delete-all', confirm: values() });
    else if (shape === 4) out.push({ type: 'account/mute', accountId: values(), name: '甲', duration: pick(['1d', 'forever', 7, null]) });
    else out.push({ type: 'article/correct', key: pick(['', 5, null]), label: pick(['spam', 1, undefined]) });
  }
  return out;
}

describe('parseRequest', () => {
  test('1,000 random and malformed messages are all rejected with an error reply', () => {
    const msgs = junk(20261125);
    expect(msgs).toHaveLength(1000);
    for (const m of msgs) {
      const r = parseRequest(m, true);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['bad-request', 'forbidden']).toContain(r.reply.error);
    }
  });

  test('a page may report an observation but not reach the reader’s data', () => {
    expect(parseRequest({ type: 'data/delete-all', confirm: true }, true)).toMatchObject({ ok: false, reply: { error: 'forbidden' } });
    expect(parseRequest({ type: 'data/export' }, true)).toMatchObject({ ok: false, reply: { error: 'forbidden' } });
    expect(parseRequest({ type: 'data/delete-all', confirm: true }, false)).toMatchObject({ ok: true });
  });

  test('only the extension’s pages may set a tab’s toolbar icon, and only with a real tab id and key', () => {
    expect(parseRequest({ type: 'toolbar/show', tabId: 7, key: 'MzA:1:1' }, true)).toMatchObject({ ok: false, reply: { error: 'forbidden' } });
    expect(parseRequest({ type: 'toolbar/show', tabId: 7, key: 'MzA:1:1' }, false)).toMatchObject({ ok: true });
    for (const bad of [{ tabId: -1, key: 'k' }, { tabId: 1.5, key: 'k' }, { tabId: '7', key: 'k' }, { tabId: 7, key: '' }, { tabId: 7 }]) {
      expect(parseRequest({ type: 'toolbar/show', ...bad }, false), JSON.stringify(bad)).toMatchObject({ ok: false, reply: { error: 'bad-request' } });
    }
  });

  test('a valid observation passes', () => {
    const r = parseRequest({
      type: 'article/observed',
      observation: { key: 'MzA:1:1', accountId: 'MzA', accountName: '甲', accountUsername: null, title: 't', url: 'http://mp.weixin.qq.com/s/x', kind: 'article', publishedAt: null, verdict: { label: 'service', promoScore: 0.1, reasons: [{ cue: 'price', words: ['¥99'], weight: 0.5 }], segments: [], paragraphs: 0 } },
    }, true);
    expect(r.ok).toBe(true);
  });
});

describe('parseReply', () => {
  test('checks a reply against its request’s schema', () => {
    expect(parseReply('undo', { ok: true, undone: null })).toEqual({ ok: true, undone: null });
    expect(parseReply('undo', undefined)).toMatchObject({ ok: false, error: 'bad-reply' });
    expect(parseReply('data/delete-all', { ok: false, error: 'internal' })).toEqual({ ok: false, error: 'internal' });
  });
});

describe('the popup’s question to a tab', () => {
  test.each([
    [{ type: 'page/article' }, true],
    [{ type: 'page/article', extra: 1 }, true],
    [{ type: 'article/observed' }, false],
    [null, false],
    ['page/article', false],
  ])('%o is a page query: %s', (raw, ok) => {
    expect(PageQuery.safeParse(raw).success).toBe(ok);
  });

  test.each([
    [{ key: 'MzA:1:1' }, true],
    [{ key: null }, true],
    [{ key: '' }, false],
    [{ key: 5 }, false],
    [{}, false],
    [undefined, false],
  ])('%o is an answer: %s', (raw, ok) => {
    expect(PageArticle.safeParse(raw).success).toBe(ok);
  });
});
