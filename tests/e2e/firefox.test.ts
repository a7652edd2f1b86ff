// The shipped build in Firefox ESR: it installs as a temporary add-on (the manifest is valid for both
// browsers: service worker for Chromium, background scripts and a gecko id for Firefox), its content
// script runs on a real article page, and it opens no page of its own (that is the test build's hook).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FIREFOX, geckoId, startFirefox } from './firefox-harness';
import { FIXTURES, RELEASE_DIST, fileRoutes } from './harness';

const ARTICLE = 'article_2021_tech-news-with-album-tags_haojiyou_service.html';

test('Firefox ESR installs the shipped build, which reads an article page and opens no page of its own', async () => {
  expect(existsSync(FIREFOX), `Firefox ESR at ${FIREFOX} (apt-get install -y firefox-esr)`).toBe(true);
  const firefox = await startFirefox({ route: fileRoutes({ '/s/article': join(FIXTURES, ARTICLE) }) });
  try {
    const { browser, site } = firefox;
    const id = await browser.installExtension(RELEASE_DIST);
    expect(id).toBe('declutter-wechat@declutter.example');
    expect(id).toBe(geckoId(RELEASE_DIST));

    const page = await browser.newPage();
    await page.goto(`http://mp.weixin.qq.com:${site.port}/s/article`, { waitUntil: 'domcontentloaded' });
    // The verdict's host element: the content script ran. It carries none of the test build's hooks.
    await page.waitForSelector('#declutter-for-wechat', { timeout: 15_000 });
    expect(await page.$eval('#declutter-for-wechat', (e) => e.getAttributeNames().sort())).toEqual(['id', 'style']);

    const tabs = await Promise.all((await browser.pages()).map((p) => p.evaluate(() => location.href)));
    expect(tabs.filter((u) => !u.startsWith('http://mp.weixin.qq.com:'))).toEqual(['about:blank']);
  } finally {
    await firefox.close();
  }
});
