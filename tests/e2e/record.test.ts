// End to end in real Chromium: a reader opens real WeChat pages (served on loopback under
// mp.weixin.qq.com) and exactly those articles land, once each, under the right accounts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/extract';
import { loadFixture } from '../helpers/dom';
import { contentScriptRan, eventually, FIXTURES, fileRoutes, launch, type Extension } from './harness';

const all = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
// JSON-escaped files are a saver's artifact no browser shows; their derived copy stands in.
const articleFiles = all.filter((f) => /^(article|share)-?/.test(f) && !f.includes('json-escaped'));
const errorFiles = all.filter((f) => f.startsWith('error_') && !f.includes('json-escaped'));
const slug = (f: string) => `/s/${f.replace(/\.html$/, '').replace(/[^\w-]/g, '_')}`;

/** What Node-side extraction expects of each page: the browser must record the same. */
const expected = articleFiles.map((file) => {
  const r = extractArticle(loadFixture(file), `https://mp.weixin.qq.com${slug(file)}`);
  if (!r.ok) throw new Error(`${file} should be an article: ${r.message}`);
  return { file, path: slug(file), key: r.article.key, accountId: r.article.accountId, name: r.article.accountName, title: r.article.title };
});
/** The other URL form of two articles that carry __biz/mid/idx: `/s?__biz=&mid=&idx=&sn=`. */
const longForms = expected
  .filter((e) => e.key.split(':').length === 3)
  .slice(0, 2)
  .map((e) => {
    const [biz, mid, idx] = e.key.split(':') as [string, string, string];
    return { ...e, path: `/s?__biz=${encodeURIComponent(biz)}&mid=${mid}&idx=${idx}&sn=0123456789abcdef#rd` };
  });

const pages: Record<string, string> = {};
for (const f of [...articleFiles, ...errorFiles]) pages[slug(f)] = join(FIXTURES, f);
for (const l of longForms) pages[l.path.replace(/#.*$/, '')] = join(FIXTURES, l.file);

let ext: Extension;
beforeAll(async () => {
  ext = await launch({ route: fileRoutes(pages) });
});
afterAll(async () => ext?.close());

describe('reading real WeChat pages', () => {
  test('fixture set is large enough to mean something', () => {
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(longForms).toHaveLength(2);
    expect(errorFiles.length).toBeGreaterThanOrEqual(4);
  });

  test('every article and share page is recorded once under its account, across a service worker restart', async () => {
    const page = await ext.page();
    const half = Math.ceil(expected.length / 2);
    for (const [i, e] of expected.entries()) {
      if (i === half) {
        // The worker holds nothing in memory: stopping it between visits must lose nothing.
        await ext.stopServiceWorkers();
      }
      await ext.visit(page, `http://mp.weixin.qq.com${e.path}`);
      const verdict = await page.getAttribute('#declutter-for-wechat', 'data-declutter-verdict');
      expect(['service', 'promotional']).toContain(verdict);
    }
    const { articles, accounts } = await eventually(ext.dump, (d) => d.articles.length >= expected.length);
    expect(articles.map((a) => a.key).sort()).toEqual(expected.map((e) => e.key).sort());
    for (const e of expected) {
      const a = articles.find((x) => x.key === e.key)!;
      expect(a.title).toBe(e.title.slice(0, 2000));
      expect(a.accountId).toBe(e.accountId ?? `name:${e.name.trim()}`);
      const acc = accounts.find((x) => x.id === a.accountId);
      expect(acc?.name).toBe(e.name.trim());
    }
    // Tallies agree with the articles they count.
    for (const acc of accounts) {
      const mine = articles.filter((a) => a.accountId === acc.id);
      expect(acc.articles).toBe(mine.length);
      expect(acc.promo).toBe(mine.filter((a) => (a.userLabel ?? a.model.label) === 'promotional').length);
    }
    // Bodies never leave the page; WeChat's own ad template never reaches the store.
    const stored = JSON.stringify({ articles, accounts });
    expect(stored).not.toContain('defaultMidAdData');
    expect(articles.every((a) => !('body' in a))).toBe(true);
    await page.close();
  });

  test('a revisit, and the same article under its other URL form, do not count twice', async () => {
    const page = await ext.page();
    const before = await ext.dump();
    const revisit = expected.find((e) => !longForms.some((l) => l.key === e.key))!;
    await ext.visit(page, `http://mp.weixin.qq.com${revisit.path}`);
    for (const l of longForms) await ext.visit(page, `http://mp.weixin.qq.com${l.path}`);
    const after = await eventually(ext.dump, (d) => d.articles.filter((a) => a.visits > 1).length >= 3);
    expect(after.articles).toHaveLength(before.articles.length);
    expect(after.accounts.map((a) => [a.id, a.articles, a.promo])).toEqual(before.accounts.map((a) => [a.id, a.articles, a.promo]));
    for (const k of [revisit.key, ...longForms.map((l) => l.key)]) {
      expect(after.articles.find((a) => a.key === k)?.visits).toBe(2);
    }
    await page.close();
  });

  test('error pages are never counted and show nothing', async () => {
    const page = await ext.page();
    const before = await ext.dump();
    for (const f of errorFiles) {
      await ext.visit(page, `http://mp.weixin.qq.com${slug(f)}`, { waitForVerdict: false });
      // Only once the content script has read the page does "nothing shown" mean anything.
      await contentScriptRan(page);
      expect(await page.$('#declutter-for-wechat')).toBeNull();
    }
    const after = await ext.dump();
    expect(after.articles).toHaveLength(before.articles.length);
    await page.close();
  });

  test('the extension itself made no network request', () => {
    expect(ext.extensionRequests).toEqual([]);
  });
});
