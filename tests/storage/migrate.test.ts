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

