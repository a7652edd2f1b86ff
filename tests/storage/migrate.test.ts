import { beforeEach, expect, test } from 'vitest';
import { freshDb } from './fresh-db';
import { closeDb, DB_VERSION, openDb } from '../../src/storage/db';
import { getAccount, listAccounts, recordObservation } from '../../src/storage/store';
import { AccountRecord, ArticleRecord } from '../../src/core/records';
import { weekOf } from '../../src/core/tally';

beforeEach(freshDb);

/** Writes a database exactly as version 1 of the extension left it. */
async function seedV1(): Promise<void> {
  const v1 = await openDb(1);
  const tx = v1.transaction(['articles', 'accounts'], 'readwrite');
  const seen = Date.UTC(2026, 9, 1);
  const articles = [
    { key: 'MzA:1:1', accountId: 'MzA', title: '双十一大促', url: 'http://mp.weixin.qq.com/s/a1', label: 'promotional', promoScore: 0.93, seenAt: seen },
    { key: 'MzA:2:1', accountId: 'MzA', title: '周报', url: 'http://mp.weixin.qq.com/s/a2', label: 'service', promoScore: 0.1, seenAt: seen + 86_400_000 * 8 },
    { key: 's:xyz', accountId: 'name:老账号', title: '旧文', url: 'http://mp.weixin.qq.com/s/xyz', label: 'promotional', promoScore: 0.7, seenAt: seen },
  ];
  // 'MzB' counted an article whose record is gone: version 2 must keep that count.
  const accounts = [
    { id: 'MzA', name: '甲', articles: 2, promo: 1 },
    { id: 'name:老账号', name: '老账号', articles: 1, promo: 1 },
    { id: 'MzB', name: '乙', articles: 3, promo: 2 },
  ];
  for (const a of articles) await (tx.objectStore('articles') as unknown as { put(v: unknown): Promise<unknown> }).put(a);
  for (const a of accounts) await (tx.objectStore('accounts') as unknown as { put(v: unknown): Promise<unknown> }).put(a);
  await tx.done;
  v1.close();
}

test('upgrading from version 1 keeps every article and every count', async () => {
  await seedV1();
  await closeDb();
  const d = await openDb();
  expect(d.version).toBe(DB_VERSION);
  const articles = await d.getAll('articles');
  expect(articles).toHaveLength(3);
  for (const a of articles) expect(ArticleRecord.safeParse(a).success).toBe(true);
  expect(articles.find((a) => a.key === 'MzA:1:1')).toMatchObject({ title: '双十一大促', model: { label: 'promotional', promoScore: 0.93 }, userLabel: null, visits: 1 });
  const accounts = await d.getAll('accounts');
  expect(accounts).toHaveLength(3);
  for (const a of accounts) expect(AccountRecord.safeParse(a).success).toBe(true);
  const a = accounts.find((x) => x.id === 'MzA');
  expect(a).toMatchObject({ name: '甲', articles: 2, promo: 1 });
  expect(Object.values(a?.weeks ?? {}).reduce((s, w) => s + w.n, 0)).toBe(2);
  expect(a?.weeks[String(weekOf(Date.UTC(2026, 9, 1)))]).toEqual({ n: 1, promo: 1 });
  expect(accounts.find((x) => x.id === 'MzB')).toMatchObject({ name: '乙', articles: 3, promo: 2 });
  d.close();
});

test('after the upgrade, a revisit of a version-1 article still counts once', async () => {
  await seedV1();
  await closeDb();
  await recordObservation({
    key: 'MzA:1:1', accountId: 'MzA', accountName: '甲', accountUsername: null, title: '双十一大促', url: 'http://mp.weixin.qq.com/s/a1',
    kind: 'article', publishedAt: null, verdict: { label: 'promotional', promoScore: 0.9, reasons: [], segments: [], paragraphs: 0 },
  });
  expect(await getAccount('MzA')).toMatchObject({ articles: 2, promo: 1 });
  expect(await listAccounts()).toHaveLength(3);
});


/**
 * Writes a database as version 2 left it: articles from before pitch segments existed (no `segments`
 * in their verdict) beside newer ones that have them, one of them corrected by the reader; accounts
 * without `adsInside` and recent entries without `pitch`.
 */
async function seedV2(): Promise<void> {
  const v2 = await openDb(2);
  const tx = v2.transaction(['articles', 'accounts'], 'readwrite');
  const at = Date.UTC(2026, 9, 1);
  const segment = { start: 10, end: 14, strength: 0.8, share: 0.31 };
  const article = (key: string, label: 'service' | 'promotional', segments: unknown[] | undefined, userLabel: 'service' | 'promotional' | null = null, i = 0) => ({
    key, accountId: key.split(':')[0], title: `文章 ${key}`, url: `http://mp.weixin.qq.com/s/${key}`, kind: 'article', publishedAt: null,
    firstSeenAt: at + i * 3_600_000, lastSeenAt: at + i * 3_600_000, visits: 1,
    model: { label, promoScore: label === 'promotional' ? 0.8 : 0.2, reasons: [{ cue: 'price', words: ['¥99'], weight: 1 }], ...(segments ? { segments } : {}) },
    userLabel,
  });
  const articles = [
    article('MzA:1:1', 'service', undefined, null, 1),
    article('MzA:2:1', 'service', [segment], null, 2),
    article('MzA:3:1', 'service', [segment], null, 3),
    article('MzA:4:1', 'promotional', [segment], null, 4),
    article('MzA:5:1', 'service', [segment], 'promotional', 5),
    article('MzA:6:1', 'promotional', [segment], 'service', 6),
    article('MzB:1:1', 'promotional', undefined, null, 1),
    article('MzB:2:1', 'service', [], null, 2),
  ];
  const recent = (keys: string[], promo: boolean[]) => keys.map((key, i) => ({ key, promo: promo[i], at: at + (i + 1) * 3_600_000 }));
  const accounts = [
    { id: 'MzA', name: '甲', username: null, articles: 6, promo: 2, firstSeenAt: at, lastSeenAt: at, weeks: { [String(weekOf(at))]: { n: 6, promo: 2 } },
      recent: recent(articles.slice(0, 6).map((a) => a.key), [false, false, false, true, true, false]) },
    { id: 'MzB', name: '乙', username: null, articles: 3, promo: 1, firstSeenAt: at, lastSeenAt: at, weeks: {}, recent: recent(['MzB:1:1', 'MzB:2:1'], [true, false]) },
  ];
  for (const a of articles) await (tx.objectStore('articles') as unknown as { put(v: unknown): Promise<unknown> }).put(a);
  for (const a of accounts) await (tx.objectStore('accounts') as unknown as { put(v: unknown): Promise<unknown> }).put(a);
  await tx.done;
  v2.close();
}

test('upgrading from version 2 keeps every record and counts the service articles with ads inside', async () => {
  await seedV2();
  await closeDb();
  const d = await openDb();
  expect(d.version).toBe(DB_VERSION);
  const articles = await d.getAll('articles');
  expect(articles).toHaveLength(8);
  for (const a of articles) expect(ArticleRecord.safeParse(a).success, a.key).toBe(true);
  // Verdicts from before segments existed now say so plainly: none.
  expect(articles.find((a) => a.key === 'MzA:1:1')!.model.segments).toEqual([]);
  expect(articles.find((a) => a.key === 'MzA:2:1')).toMatchObject({ title: '文章 MzA:2:1', model: { label: 'service', segments: [{ start: 10, end: 14 }] }, userLabel: null });
  const accounts = await d.getAll('accounts');
  expect(accounts).toHaveLength(2);
  for (const a of accounts) expect(AccountRecord.safeParse(a).success, a.id).toBe(true);
  const a = accounts.find((x) => x.id === 'MzA')!;
  // 2:1 and 3:1 are service with a pitch; 6:1 the reader made service; 5:1 the reader made promotional.
  expect(a).toMatchObject({ name: '甲', articles: 6, promo: 2, adsInside: 3 });
  expect(a.recent.map((r) => [r.key, r.promo, r.pitch])).toEqual([
    ['MzA:1:1', false, false],
    ['MzA:2:1', false, true],
    ['MzA:3:1', false, true],
    ['MzA:4:1', true, true],
    ['MzA:5:1', true, true],
    ['MzA:6:1', false, true],
  ]);
  expect(accounts.find((x) => x.id === 'MzB')).toMatchObject({ articles: 3, promo: 1, adsInside: 0 });
  d.close();
});

test('after the upgrade, corrections keep the ads-inside count right', async () => {
  await seedV2();
  await closeDb();
  const { correctArticle } = await import('../../src/storage/store');
  await correctArticle('MzA:2:1', 'promotional');
  expect(await getAccount('MzA')).toMatchObject({ promo: 3, adsInside: 2 });
  await correctArticle('MzA:5:1', null);
  expect(await getAccount('MzA')).toMatchObject({ promo: 2, adsInside: 3 });
  await correctArticle('MzA:1:1', 'promotional');
  expect(await getAccount('MzA')).toMatchObject({ promo: 3, adsInside: 3 });
});

test('a version-1 database reaches the newest version with ads-inside counts of zero', async () => {
  await seedV1();
  await closeDb();
  const accounts = await listAccounts();
  expect(accounts.map((a) => a.adsInside)).toEqual([0, 0, 0]);
  for (const a of accounts) expect(AccountRecord.safeParse(a).success).toBe(true);
});
