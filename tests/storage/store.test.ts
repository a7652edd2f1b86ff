import { beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb, observation } from './fresh-db';
import { accountArticles, correctArticle, getAccount, listAccounts, pruneArticleDetails, recordObservation, weekSummary } from '../../src/storage/store';
import { db } from '../../src/storage/db';

beforeEach(freshDb);

describe('recordObservation', () => {
  test('counts a new article once and files it under its account', async () => {
    const o = observation('A', 'promotional');
    const r = await recordObservation(o, 1_000);
    expect(r).toEqual({ accountId: 'MzA', counted: true, label: 'promotional' });
    const acc = await getAccount('MzA');
    expect(acc).toMatchObject({ name: '账号A', username: 'gh_A', articles: 1, promo: 1 });
    expect(acc?.recent).toHaveLength(1);
  });

  test('a revisit refreshes the record and never counts twice', async () => {
    const o = observation('A', 'service');
    await recordObservation(o, 1_000);
    const again = await recordObservation(o, 2_000);
    expect(again.counted).toBe(false);
    const acc = await getAccount('MzA');
    expect(acc).toMatchObject({ articles: 1, promo: 0, lastSeenAt: 2_000 });
    const [art] = await accountArticles('MzA');
    expect(art).toMatchObject({ visits: 2, firstSeenAt: 1_000, lastSeenAt: 2_000 });
  });

  test('a newer model verdict on a revisit moves one count', async () => {
    const o = observation('A', 'service');
    await recordObservation(o, 1_000);
    await recordObservation({ ...o, verdict: { label: 'promotional', promoScore: 0.8, reasons: [], segments: [], paragraphs: 0 } }, 2_000);
    expect(await getAccount('MzA')).toMatchObject({ articles: 1, promo: 1 });
  });

  test('a service article with a pitch segment counts as ads inside; a newer verdict moves it in and out', async () => {
    const pitch = [{ start: 9, end: 13, strength: 0.8, share: 0.31 }];
    const o = observation('A', 'service', { verdict: { label: 'service', promoScore: 0.3, reasons: [], segments: pitch, paragraphs: 20 } });
    await recordObservation(o, 1_000);
    await recordObservation(observation('A', 'promotional', { verdict: { label: 'promotional', promoScore: 0.9, reasons: [], segments: pitch, paragraphs: 20 } }), 1_000);
    await recordObservation(observation('A', 'service'), 1_000);
    expect(await getAccount('MzA')).toMatchObject({ articles: 3, promo: 1, adsInside: 1 });
    expect((await getAccount('MzA'))!.recent.map((r) => r.pitch)).toEqual([true, true, false]);
    // The model changes its mind on a revisit: no pitch any more, then promotional with one.
    await recordObservation({ ...o, verdict: { ...o.verdict, segments: [] } }, 2_000);
    expect(await getAccount('MzA')).toMatchObject({ articles: 3, promo: 1, adsInside: 0 });
    await recordObservation({ ...o, verdict: { label: 'promotional', promoScore: 0.7, reasons: [], segments: pitch, paragraphs: 20 } }, 3_000);
    expect(await getAccount('MzA')).toMatchObject({ articles: 3, promo: 2, adsInside: 0 });
  });

  test('an account without __biz is filed under its name', async () => {
    const r = await recordObservation(observation('B', 'service', { accountId: null, key: 's:abc' }));
    expect(r.accountId).toBe('name:账号B');
  });

  test('article bodies are never stored: records hold no body field', async () => {
    await recordObservation(observation('A', 'service'));
    const [art] = await accountArticles('MzA');
    expect(Object.keys(art ?? {})).not.toContain('body');
  });

  test('50 observations for 5 accounts sent at once give exact counts', async () => {
    const obs = Array.from({ length: 50 }, (_, i) => observation(`C${i % 5}`, i % 3 === 0 ? 'promotional' : 'service'));
    // Send every one twice, interleaved: revisits in flight must not double count either.
    await Promise.all([...obs, ...obs.slice().reverse()].map((o) => recordObservation(o)));
    const accounts = await listAccounts();
    expect(accounts).toHaveLength(5);
    for (let a = 0; a < 5; a++) {
      const mine = obs.filter((_, i) => i % 5 === a);
      const acc = accounts.find((x) => x.id === `MzC${a}`);
      expect(acc?.articles).toBe(10);
      expect(acc?.promo).toBe(mine.filter((o) => o.verdict.label === 'promotional').length);
    }
    expect(await (await db()).count('articles')).toBe(50);
  });
});

describe('correctArticle', () => {
  test('the reader’s label beats the model and the tallies follow; null hands back to the model', async () => {
    const o = observation('A', 'promotional');
    await recordObservation(o, 1_000);
    expect(await correctArticle(o.key, 'service')).toEqual({ accountId: 'MzA', previous: null });
    expect(await getAccount('MzA')).toMatchObject({ articles: 1, promo: 0 });
    // A later model verdict does not override the reader.
    await recordObservation(o, 2_000);
    expect(await getAccount('MzA')).toMatchObject({ promo: 0 });
    await correctArticle(o.key, null);
    expect(await getAccount('MzA')).toMatchObject({ promo: 1 });
    expect((await getAccount('MzA'))?.recent[0]?.promo).toBe(true);
  });

  test('a service article with a pitch that the reader marks promotional leaves the ads-inside count, and returns with the model', async () => {
    const o = observation('A', 'service', { verdict: { label: 'service', promoScore: 0.3, reasons: [], segments: [{ start: 2, end: 3, strength: 0.7, share: 0.2 }], paragraphs: 20 } });
    await recordObservation(o);
    expect(await getAccount('MzA')).toMatchObject({ promo: 0, adsInside: 1 });
    await correctArticle(o.key, 'promotional');
    expect(await getAccount('MzA')).toMatchObject({ promo: 1, adsInside: 0 });
    expect((await getAccount('MzA'))!.recent[0]).toMatchObject({ promo: true, pitch: true });
    await correctArticle(o.key, null);
    expect(await getAccount('MzA')).toMatchObject({ promo: 0, adsInside: 1 });
  });

  test('an unknown key changes nothing', async () => {
    expect(await correctArticle('nope', 'service')).toBeNull();
    expect(await listAccounts()).toEqual([]);
  });
});

describe('weekly summary and trend', () => {
  test('sums this week’s articles from the tallies', async () => {
    const now = Date.UTC(2026, 10, 25, 4); // a Wednesday
    await recordObservation(observation('A', 'promotional'), now);
    await recordObservation(observation('B', 'service'), now - 3_600_000);
    await recordObservation(observation('B', 'service'), now - 14 * 86_400_000);
    expect(weekSummary(await listAccounts(), now)).toEqual({ articles: 2, promo: 1 });
  });
});

describe('storage quota', () => {
  test('when the quota is exceeded, old article details are pruned and the write retried; tallies stay', async () => {
    for (let i = 0; i < 8; i++) await recordObservation(observation('Q', 'promotional'), 1_000 + i);
    const store = Object.getPrototypeOf((await db()).transaction('articles').store);
    const put = store.put;
    let failures = 1;
    // As in a real browser, a quota error aborts the whole transaction, so nothing of it lands.
    const spy = vi.spyOn(store, 'put').mockImplementation(function (this: { transaction: IDBTransaction }, ...args: unknown[]) {
      if (failures > 0) {
        failures--;
        const request = put.apply(this, args);
        queueMicrotask(() => this.transaction.abort());
        request.onerror = (e: Event) => e.preventDefault();
        return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
      }
      return put.apply(this, args);
    });
    try {
      const r = await recordObservation(observation('Q', 'service'), 5_000);
      expect(r.counted).toBe(true);
    } finally {
      spy.mockRestore();
    }
    const acc = await getAccount('MzQ');
    expect(acc).toMatchObject({ articles: 9, promo: 8 });
    const arts = await accountArticles('MzQ', 100);
    // The oldest quarter of the 8 articles there were before the write.
    expect(arts.filter((a) => a.pruned)).toHaveLength(2);
    expect(arts.filter((a) => a.pruned).every((a) => a.title === '' && a.model.reasons.length === 0)).toBe(true);
  });

  test('pruning keeps keys so a pruned article still counts once', async () => {
    const o = observation('P', 'promotional');
    await recordObservation(o, 1_000);
    expect(await pruneArticleDetails(1)).toBe(1);
    await recordObservation(o, 2_000);
    expect(await getAccount('MzP')).toMatchObject({ articles: 1 });
  });
});
