// End to end in real Firefox ESR: a reader opens the same real WeChat pages as in Chromium (served on
// loopback under mp.weixin.qq.com) and exactly those articles land, once each, under the right
// accounts, across a suspension of the background page (Firefox's event page, not a service worker).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentScriptRanIn, launchFirefox, sleep, type FirefoxExtension } from './firefox-harness';
import { eventually, fileRoutes } from './harness';
import { errorFiles, expectRecorded, expectRevisitsCountOnce, expected, pages, slug } from './real-pages';

/** Firefox suspends an idle event page after 30 s; a short timeout lets the run see it happen. */
const IDLE_MS = 1500;

let ext: FirefoxExtension;
beforeAll(async () => {
  ext = await launchFirefox({ route: fileRoutes(pages), prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
});
afterAll(async () => ext?.close());

describe('reading real WeChat pages in Firefox', () => {
  test('every article and share page is recorded once under its account, across a suspended background page', async () => {
    const page = await ext.page();
    const half = Math.ceil(expected.length / 2);
    for (const [i, e] of expected.entries()) {
      if (i === half) {
        // The background holds nothing in memory: once Firefox has suspended it for idleness and
        // started it again, the rest of the pages must still land.
        const before = await ext.backgroundStartedAt();
        let after = before;
        for (let tries = 0; tries < 5 && after === before; tries++) {
          await sleep(IDLE_MS + 1000);
          after = await ext.backgroundStartedAt();
        }
        expect(after, 'the background page was suspended and started again').toBeGreaterThan(before);
      }
      await ext.visit(page, `http://mp.weixin.qq.com${e.path}`);
      const verdict = await page.$eval('#declutter-for-wechat', (el) => el.getAttribute('data-declutter-verdict'));
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
      await contentScriptRanIn(page);
      expect(await page.$('#declutter-for-wechat')).toBeNull();
    }
    const after = await ext.dump();
    expect(after.articles).toHaveLength(before.articles.length);
    await page.close();
  });
});
