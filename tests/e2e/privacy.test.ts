// Privacy and permissions: every request the browser makes while the extension works is recorded,
// and none comes from the extension itself; the manifest asks for storage and the WeChat hosts only;
// no bundle can evaluate strings as code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Request } from 'playwright-core';
import { DIST, FIXTURES, RELEASE_DIST, fileRoutes, launch, type Extension } from './harness';

const FILES = [
  'article_2025_math-tip-then-course-sale_jinbang-shidai_promotional.html',
  'article_2021_tech-news-with-album-tags_haojiyou_service.html',
  'share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html',
  'listing_2021_sogou-search-articles_weixin.html',
];

let ext: Extension;
const seen: Array<{ url: string; fromExtension: boolean }> = [];
beforeAll(async () => {
  const pages: Record<string, string> = {};
  for (const f of FILES) pages[`/s/${f}`] = join(FIXTURES, f);
  ext = await launch({ route: fileRoutes(pages, join(FIXTURES, 'listing_2021_sogou-search-articles_weixin.html')) });
  const record = (r: Request) => {
    let frameUrl = '';
    try {
      frameUrl = r.frame().url();
    } catch {
      /* service-worker requests have no frame */
    }
    seen.push({ url: r.url(), fromExtension: !!r.serviceWorker() || frameUrl.startsWith('chrome-extension://') });
  };
  ext.ctx.on('request', record);
  const page = await ext.page();
  for (const f of FILES.slice(0, 3)) await ext.visit(page, `http://mp.weixin.qq.com/s/${f}`);
  await ext.visit(page, 'http://weixin.sogou.com/weixin?type=2&query=%E5%BE%AE%E4%BF%A1', { waitForVerdict: false });
  // Use every page of the extension: popup, an account's detail, options, export.
  const popup = await ext.popup();
  await popup.waitForSelector('[data-testid="account-row"]');
  await popup.locator('[data-testid="account-row"] button.row-button').first().click();
  await popup.waitForTimeout(300);
  const options = await ext.popup('options/index.html');
  await options.waitForTimeout(500);
  await options.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    await runtime.sendMessage({ type: 'data/export' });
  });
  await page.waitForTimeout(500);
});
afterAll(async () => ext?.close());

describe('privacy', () => {
  test('the browser was busy (the pages made requests of their own)', () => {
    expect(seen.filter((s) => !s.fromExtension && !s.url.startsWith('chrome-extension://')).length).toBeGreaterThan(5);
  });

  test('the extension itself sends no request: none from its worker or its pages, apart from its own files', () => {
    const own = seen.filter((s) => s.fromExtension && !s.url.startsWith('chrome-extension://') && !s.url.startsWith('data:'));
    expect(own).toEqual([]);
    expect(ext.extensionRequests).toEqual([]);
  });
});

describe('the recorder itself', () => {
  // Runs after the checks above: proves a request from the worker would have been caught.
  test('sees a request the service worker makes', async () => {
    const sw = await ext.serviceWorker();
    await sw.evaluate(() => fetch('http://mp.weixin.qq.com/recorder-probe').catch(() => null));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((s) => s.fromExtension && s.url.endsWith('/recorder-probe'))).toHaveLength(1);
  });
});

const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

/** What a page script could read about the reader if a bundle wrote it into the page. */
const PAGE_HOOKS = [
  'data-declutter-verdict',
  'data-declutter-muted',
  'data-declutter-recorded',
  'data-declutter-pitch',
  'data-declutter-pitch-segments',
  'data-declutter-pitch-mode',
  'data-declutter-pitch-hidden',
  'data-declutter-hidden',
  'data-declutter-show-hidden',
  'data-declutter-list',
  'data-declutter-list-ready',
];

describe('the page learns nothing about the reader', () => {
  const scripts = (dir: string): string => ['content-article.js', 'content-list.js'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

  test('the shipped build writes no test hook and no timing mark into the page', () => {
    const code = scripts(RELEASE_DIST);
    for (const name of PAGE_HOOKS) expect(code, name).not.toContain(name);
    expect(code).not.toMatch(/performance\.(mark|measure)\(/);
  });

  test('the shipped background has no test-only code: the test build alone opens its options page when installed as a temporary add-on', () => {
    // The Firefox harness starts from that page (BiDi will not open moz-extension:// URLs); no message does it.
    const background = (dir: string) => readFileSync(join(dir, 'background.js'), 'utf8');
    expect(background(RELEASE_DIST)).not.toMatch(/\btemporary\b/);
    expect(background(DIST)).toMatch(/\btemporary\b/);
  });

  test('the test build carries the hooks the e2e tests read (a positive control for the check above)', () => {
    const code = scripts(DIST);
    for (const name of ['data-declutter-verdict', 'data-declutter-muted', 'data-declutter-recorded', 'data-declutter-hidden', 'data-declutter-pitch', 'data-declutter-pitch-segments', 'data-declutter-pitch-mode', 'data-declutter-pitch-hidden']) {
      expect(code, name).toContain(name);
    }
    expect(code).toMatch(/performance\.(mark|measure)\(/);
  });
});

describe.each([
  ['shipped build', RELEASE_DIST],
  ['test build', DIST],
])('permissions (%s)', (_name, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  test('asks for storage and the WeChat hosts only', () => {
    expect(manifest['permissions']).toEqual(['storage']);
    expect(manifest['host_permissions']).toEqual(['*://mp.weixin.qq.com/*', '*://weixin.sogou.com/*']);
    expect(manifest['optional_permissions']).toBeUndefined();
    const scripts = manifest['content_scripts'] as Array<{ matches: string[] }>;
    for (const m of scripts.flatMap((c) => c.matches)) expect(m).toMatch(/^\*:\/\/(mp\.weixin\.qq\.com|weixin\.sogou\.com)\//);
    expect(manifest['externally_connectable']).toBeUndefined();
    expect(manifest['web_accessible_resources']).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|unsafe-eval/);
  });

  test('no bundle can evaluate a string as code (zod runs jitless, its generator is cut out)', () => {
    const bundles = walk(dir).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThanOrEqual(4);
    for (const f of bundles) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(|setTimeout\(\s*["'`]/);
    }
  });
});
