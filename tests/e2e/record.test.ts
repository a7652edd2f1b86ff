// End to end in real Chromium: a reader opens real WeChat pages (served on loopback under
// mp.weixin.qq.com) and exactly those articles land, once each, under the right accounts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentScriptRan, eventually, fileRoutes, launch, type Extension } from './harness';
import { errorFiles, expectRecorded, expectRevisitsCountOnce, expected, longForms, pages, slug } from './real-pages';

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
    expectRecorded(await eventually(ext.dump, (d) => d.articles.length >= expected.length));
    await page.close();
  });

  test('a revisit, and the same article under its other URL form, do not count twice', async () => {
    const page = await ext.page();
    await expectRevisitsCountOnce(ext, page);
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
