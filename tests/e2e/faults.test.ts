// Faults in real Chromium: the service worker killed in the middle of a burst of writes, several tabs
// writing at once, a database left by the previous schema version, and the storage quota running out.
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { weekOf } from '../../src/core/tally';
import { FIXTURES, eventually, fileRoutes, launch, type Extension } from './harness';

let ext: Extension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const pages: Record<string, string> = {};
const FILES = [
  'article_2018_platform-announcement_weixinpai_service.html',
  'article_2018_qqmusic-original_xianyunyehe-guci_service.html',
  'article_2020_bank-exec-changes_qingjinrong_service.html',
  'article_2022_local-gov-news_zhangshang-suide_service.html',
  'share-video_2019_type5_banyuetan_service.html',
  'article_2018_clothing-product-list_huanxi-xiangce_promotional.unescaped.derived.html',
];
for (const f of FILES) pages[`/s/${f}`] = join(FIXTURES, f);

type Db = Awaited<ReturnType<Extension['dump']>>;
function consistent(d: Db): void {
  for (const acc of d.accounts) {
    const mine = d.articles.filter((a) => a.accountId === acc.id);
    expect(acc.articles, acc.id).toBe(mine.length);
    expect(acc.promo, acc.id).toBe(mine.filter((a) => (a.userLabel ?? a.model.label) === 'promotional').length);
    expect(Object.values(acc.weeks).reduce((s, w) => s + w.n, 0), acc.id).toBe(mine.length);
    expect(acc.adsInside, acc.id).toBe(mine.filter((a) => (a.userLabel ?? a.model.label) === 'service' && a.model.segments.length > 0).length);
  }
}

describe('faults', () => {
  test('the service worker stopped in the middle of a burst of writes: nothing half-written, nothing lost after retry', async () => {
    ext = await launch({ route: fileRoutes(pages) });
    const popup = await ext.popup();
    const N = 300;
    const burst = popup.evaluate(async (count) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean } | undefined> } } }).chrome.runtime;
      const progress = ((globalThis as unknown as { __burst: { acked: number; failures: number } }).__burst = { acked: 0, failures: 0 });
      const obs = (i: number) => ({
        type: 'article/observed',
        observation: {
          key: `MzBurst${i % 10}:${500000 + i}:1`, accountId: `MzBurst${i % 10}`, accountName: `账号${i % 10}`, accountUsername: null,
          title: `文章 ${i}`, url: `http://mp.weixin.qq.com/s/b${i}`, kind: 'article', publishedAt: null,
          verdict: { label: i % 4 ? 'service' : 'promotional', promoScore: 0.5, reasons: [], segments: [], paragraphs: 0 },
        },
      });
      let next = 0;
      const send = async (i: number) => {
        // What the content script does: retry until the (restarted) worker takes it.
        for (;;) {
          try {
            const r = await runtime.sendMessage(obs(i));
            if (r?.ok) {
              progress.acked++;
              return;
            }
          } catch {
            /* the worker went away mid-message */
          }
          progress.failures++;
          await new Promise((res) => setTimeout(res, 50));
        }
      };
      await Promise.all(Array.from({ length: 8 }, async () => { while (next < count) await send(next++); }));
      return progress;
    }, N);
    const acked = () => popup.evaluate(() => (globalThis as unknown as { __burst?: { acked: number } }).__burst?.acked ?? 0);
    // Stop every service worker twice while the burst is in flight: once a tenth of it is written,
    // and again at half. Each stop must land before the burst is done (checked below).
    const stoppedAt: Array<[number, number]> = [];
    for (const share of [0.1, 0.5]) {
      await eventually(acked, (n) => n >= N * share, 30_000);
      const before = await acked();
      await ext.stopServiceWorkers();
      stoppedAt.push([before, await acked()]);
    }
    const { failures } = await burst;
    for (const [before, after] of stoppedAt) {
      expect(before).toBeGreaterThan(0);
      expect(after, 'the stop landed after the burst had finished').toBeLessThan(N);
    }
    // Messages in flight when the worker stopped failed and were sent again.
    expect(failures).toBeGreaterThan(0);
    const d = await ext.dump();
    expect(d.articles).toHaveLength(N);
    expect(new Set(d.articles.map((a) => a.key)).size).toBe(N);
    expect(d.accounts).toHaveLength(10);
    consistent(d);
    expect(d.accounts.reduce((s, a) => s + a.promo, 0)).toBe(N / 4);
    // Not asserted as a number (it depends on timing), but reported: how many sends had to be retried.
    console.log(`burst of ${N}: stopped at ${stoppedAt.map(([b]) => b).join(' and ')} written, ${failures} sends retried`);
  });

  test('several tabs writing at once count each article exactly once', async () => {
    ext = await launch({ route: fileRoutes(pages) });
    const e = ext;
    const tabs = await Promise.all(Array.from({ length: 8 }, () => e.page()));
    // Eight tabs load at the same time; two pages are open twice.
    const urls = [...FILES, FILES[0]!, FILES[5]!].map((f) => `http://mp.weixin.qq.com/s/${f}`);
    await Promise.all(tabs.map((t, i) => e.visit(t, urls[i]!)));
    const d = await eventually(e.dump, (x) => x.articles.reduce((s, a) => s + a.visits, 0) >= 8);
    expect(d.articles).toHaveLength(FILES.length);
    expect(d.articles.reduce((s, a) => s + a.visits, 0)).toBe(8);
    consistent(d);
  });

  test('a database left by schema version 1 is upgraded with every record kept', async () => {
    ext = await launch({ route: fileRoutes(pages) });
    // The manifest's JSON page runs in the extension's origin without any of its code: the database
    // is written there exactly as version 1 left it, before the extension opens it.
    const raw = await ext.ctx.newPage();
    await raw.goto(`chrome-extension://${ext.extId}/manifest.json`);
    await raw.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('declutter', 1);
        r.onupgradeneeded = () => {
          r.result.createObjectStore('articles', { keyPath: 'key' });
          r.result.createObjectStore('accounts', { keyPath: 'id' });
        };
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['articles', 'accounts'], 'readwrite');
      for (let i = 0; i < 40; i++) {
        tx.objectStore('articles').put({ key: `MzOld${i % 4}:${i}:1`, accountId: `MzOld${i % 4}`, title: `旧文章 ${i}`, url: `http://mp.weixin.qq.com/s/old${i}`, label: i % 2 ? 'service' : 'promotional', promoScore: 0.5, seenAt: Date.now() - i * 3_600_000 });
      }
      for (let a = 0; a < 4; a++) tx.objectStore('accounts').put({ id: `MzOld${a}`, name: `老账号${a}`, articles: 10, promo: a % 2 ? 0 : 10 });
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    await raw.close();
    const page = await ext.page();
    await ext.visit(page, `http://mp.weixin.qq.com/s/${FILES[0]}`);
    const d = await eventually(ext.dump, (x) => x.articles.length >= 41);
    expect(d.articles).toHaveLength(41);
    expect(d.accounts).toHaveLength(5);
    for (let a = 0; a < 4; a++) expect(d.accounts.find((x) => x.id === `MzOld${a}`)).toMatchObject({ name: `老账号${a}`, articles: 10, promo: a % 2 ? 0 : 10 });
    expect(d.articles.find((x) => x.key === 'MzOld0:0:1')).toMatchObject({ title: '旧文章 0', model: { label: 'promotional' }, userLabel: null });
    consistent(d);
  });

  test('a database left by schema version 2 is upgraded with every record kept and the ads-inside counts rebuilt', async () => {
    ext = await launch({ route: fileRoutes(pages) });
    const raw = await ext.ctx.newPage();
    await raw.goto(`chrome-extension://${ext.extId}/manifest.json`);
    const at = Date.now() - 86_400_000;
    await raw.evaluate(async ([t, week]) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('declutter', 2);
        r.onupgradeneeded = () => {
          const articles = r.result.createObjectStore('articles', { keyPath: 'key' });
          articles.createIndex('byAccountSeen', ['accountId', 'firstSeenAt']);
          articles.createIndex('bySeen', 'firstSeenAt');
          r.result.createObjectStore('accounts', { keyPath: 'id' });
        };
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['articles', 'accounts'], 'readwrite');
      const segment = { start: 3, end: 5, strength: 0.8, share: 0.3 };
      for (let i = 0; i < 30; i++) {
        const acc = `MzV2n${i % 3}`;
        // The first ten from before pitch segments existed; then every other one carries a segment; one in five corrected.
        const model: Record<string, unknown> = { label: i % 4 === 0 ? 'promotional' : 'service', promoScore: 0.5, reasons: [] };
        if (i >= 10) model['segments'] = i % 2 ? [segment] : [];
        tx.objectStore('articles').put({ key: `${acc}:${i}:1`, accountId: acc, title: `第二版文章 ${i}`, url: '', kind: 'article', publishedAt: null, firstSeenAt: t + i, lastSeenAt: t + i, visits: 1, model, userLabel: i % 5 === 0 ? 'service' : null });
      }
      for (let a = 0; a < 3; a++) {
        const keys = Array.from({ length: 10 }, (_, j) => j * 3 + a);
        const promo = keys.filter((i) => (i % 5 === 0 ? 'service' : i % 4 === 0 ? 'promotional' : 'service') === 'promotional').length;
        tx.objectStore('accounts').put({ id: `MzV2n${a}`, name: `第二版账号${a}`, username: null, articles: 10, promo, firstSeenAt: t, lastSeenAt: t + 30, weeks: { [week]: { n: 10, promo } }, recent: keys.map((i) => ({ key: `MzV2n${a}:${i}:1`, promo: false, at: t + i })) });
      }
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    }, [at, String(weekOf(at))] as const);
    await raw.close();
    const page = await ext.page();
    await ext.visit(page, `http://mp.weixin.qq.com/s/${FILES[0]}`);
    const d = await eventually(ext.dump, (x) => x.articles.length >= 31);
    expect(d.articles).toHaveLength(31);
    expect(d.accounts).toHaveLength(4);
    for (const a of d.articles) expect(Array.isArray(a.model.segments), a.key).toBe(true);
    expect(d.articles.find((x) => x.key === 'MzV2n0:0:1')).toMatchObject({ title: '第二版文章 0', model: { segments: [] }, userLabel: 'service' });
    // Articles 11, 13, …, 29 carry a segment, and all of them are service (no odd one is promotional here).
    const inside = d.accounts.filter((x) => x.id.startsWith('MzV2n')).reduce((n, x) => n + x.adsInside, 0);
    expect(inside).toBe(10);
    for (const acc of d.accounts.filter((x) => x.id.startsWith('MzV2n'))) {
      for (const r of acc.recent) expect(r.pitch, r.key).toBe(Number(r.key.split(':')[1]) >= 10 && Number(r.key.split(':')[1]) % 2 === 1);
    }
    consistent(d);
  });

  test('when storage runs out, old article details are pruned before any tally is lost', async () => {
    ext = await launch({ route: fileRoutes(pages) });
    const popup = await ext.popup();
    const send = (from: number, to: number) =>
      popup.evaluate(async ([a, b]) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
        const out: Array<{ ok: boolean; error?: string }> = [];
        for (let i = a!; i < b!; i++) {
          out.push(await runtime.sendMessage({
            type: 'article/observed',
            observation: {
              key: `MzFull:${900000 + i}:1`, accountId: 'MzFull', accountName: '满了', accountUsername: null,
              title: `文章 ${i}`, url: `http://mp.weixin.qq.com/s/f${i}`, kind: 'article', publishedAt: null,
              verdict: { label: i % 2 ? 'service' : 'promotional', promoScore: 0.9, reasons: [{ cue: 'price', words: ['¥99'], weight: 1 }], segments: [], paragraphs: 0 },
            },
          }));
        }
        return out;
      }, [from, to]);
    expect((await send(0, 40)).every((r) => r.ok)).toBe(true);
    // Chromium gives extension origins a quota that DevTools cannot shrink (Storage.overrideQuotaForOrigin
    // has no effect there), so the quota error is injected where the browser raises it: IndexedDB put.
    const sw = await ext.serviceWorker();
    const arm = (n: number) =>
      sw.evaluate((count) => {
        const g = globalThis as unknown as { __quotaFailures: number; __origPut?: typeof IDBObjectStore.prototype.put };
        g.__quotaFailures = count;
        g.__origPut ??= IDBObjectStore.prototype.put;
        const orig = g.__origPut;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (g.__quotaFailures > 0) {
            g.__quotaFailures--;
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return orig.apply(this, args);
        };
      }, n);
    await arm(1);
    const once = await send(40, 41);
    expect(once).toEqual([{ ok: true, accountId: 'MzFull', counted: true, label: 'promotional', muted: false }]);
    let d = await ext.dump();
    expect(d.articles.filter((a) => a.pruned)).toHaveLength(10); // the oldest quarter of 40
    expect(d.articles.filter((a) => a.pruned).every((a) => a.title === '' && a.model.reasons.length === 0)).toBe(true);
    expect(d.accounts[0]).toMatchObject({ articles: 41, promo: 21 });
    consistent(d);
    // No room at all: a clear error, and nothing half-written.
    await arm(1000);
    const refused = await send(41, 45);
    expect(refused.map((r) => r.error)).toEqual(['storage-full', 'storage-full', 'storage-full', 'storage-full']);
    d = await ext.dump();
    expect(d.articles).toHaveLength(41);
    expect(d.accounts[0]).toMatchObject({ articles: 41, promo: 21 });
    consistent(d);
  });
});
