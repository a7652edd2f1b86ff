// Runs the test build in real Firefox ESR (puppeteer-core over WebDriver BiDi, headless) over pages
// served on 127.0.0.1 under the real host names, and reads back what it stored: harness.ts for Firefox,
// with the same shape (page, visit, popup, dump, close) so both browsers' suites read alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import type WebExt from 'webextension-polyfill';
import type { AccountRecord, ArticleRecord } from '../../src/core/records';
import { DIST, readDatabase, serve, type Route, type Site } from './harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed, so every run sees the extension at the same moz-extension:// origin. */
export const EXTENSION_UUID = '6f1d3c2b-4a5e-4f70-9a81-d2c3b4a5e6f7';
/** The hosts the server answers for: their URLs get the server's port (match patterns ignore ports). */
const SERVED_HOSTS = new Set(['mp.weixin.qq.com', 'weixin.sogou.com']);

export type Locale = 'zh-CN' | 'en-US';
/** An extension page's global scope, with Firefox's own `browser` namespace: what functions evaluated there see. */
export type ExtensionGlobal = { browser: WebExt.Browser };

export interface FirefoxExtension {
  browser: Browser;
  site: Site;
  /** moz-extension://UUID */
  origin: string;
  /** `http://mp.weixin.qq.com/s/x` → the same URL on the local server's port. */
  url(url: string): string;
  page(): Promise<Page>;
  /** Loads a page; for an article page, waits until the background has confirmed its write. */
  visit(page: Page, url: string, opts?: { waitForVerdict?: boolean }): Promise<void>;
  /** Opens one of the extension's pages in a new tab (the popup unless a path is given). */
  popup(path?: string): Promise<Page>;
  dump(): Promise<{ articles: ArticleRecord[]; accounts: AccountRecord[] }>;
  /** When the background page last started (its `performance.timeOrigin`); asking starts it if suspended. */
  backgroundStartedAt(): Promise<number>;
  /** The extension's own tab (the options page it opened at install), for evaluating extension APIs. */
  control: Page;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until the page's document is `url` and parsed (BiDi reports no navigation of moz-extension tabs). */
async function settled(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', 'loading']);
    if (state[0] === url && state[1] !== 'loading') return;
    if (Date.now() - start > timeoutMs) throw new Error(`tab stayed at ${state[0]} (${state[1]}), expected ${url}`);
    await sleep(50);
  }
}

/** The add-on id a build declares for Firefox (browser_specific_settings.gecko.id). */
/** Resolves once the article content script has read the page (its extract step's mark, test build). */
export async function contentScriptRanIn(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('declutter:extract', 'measure').length > 0, { timeout, polling: 50 });
}

/** Resolves once the list content script has read the page against the mutes (test build hook). */
export async function listScriptRanIn(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('html[data-declutter-list-ready]', { timeout });
}

export function geckoId(dist: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  return manifest.browser_specific_settings.gecko.id;
}

export interface FirefoxOptions {
  route: Route;
  locale?: Locale;
  /** Extra Firefox prefs (e.g. a short background idle timeout). */
  prefs?: Record<string, string | number | boolean>;
}

/** Starts headless Firefox, with no extension yet, in front of a local server for `route`. */
export async function startFirefox(opts: FirefoxOptions): Promise<{ browser: Browser; site: Site; close(): Promise<void> }> {
  const locale = opts.locale ?? 'zh-CN';
  const site = await serve(opts.route);
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        // Every host name resolves to loopback: the WeChat hosts reach the local server (on its port),
        // and the CDN scripts the real pages pull fail at once instead of leaving the machine.
        'network.dns.forceResolve': '127.0.0.1',
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId(DIST)]: EXTENSION_UUID }),
        // The extension's language follows Firefox's UI language, which needs its language pack
        // (apt firefox-esr-l10n-zh-cn); without it Firefox, and the extension, stay in English.
        'intl.locale.requested': locale,
        'intl.accept_languages': locale === 'zh-CN' ? 'zh-CN, zh, en' : 'en-US, en',
        ...opts.prefs,
      },
    });
    return {
      browser,
      site,
      async close() {
        await browser.close();
        await site.close();
      },
    };
  } catch (err) {
    await site.close();
    throw err;
  }
}

/** Starts Firefox with the test build installed as a temporary add-on, and its options tab at hand. */
export async function launchFirefox(opts: FirefoxOptions): Promise<FirefoxExtension> {
  const locale = opts.locale ?? 'zh-CN';
  const firefox = await startFirefox(opts);
  const { browser, site } = firefox;
  const origin = `moz-extension://${EXTENSION_UUID}`;
  try {
    const [first] = await browser.pages();
    if (!first) throw new Error('Firefox opened no tab');
    const id = await browser.installExtension(DIST);
    if (id !== geckoId(DIST)) throw new Error(`installed ${id}, expected ${geckoId(DIST)}`);
    // The test build opens its options page on a temporary install, in the empty first tab.
    await settled(first, `${origin}/options/index.html`);
    const ui = await first.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.i18n.getUILanguage());
    if (ui !== locale) throw new Error(`Firefox runs in ${ui}, not ${locale}${locale === 'zh-CN' ? ': apt-get install -y firefox-esr-l10n-zh-cn' : ''}`);
    return extension(browser, site, origin, first, firefox.close);
  } catch (err) {
    await firefox.close();
    throw err;
  }
}

function extension(browser: Browser, site: Site, origin: string, control: Page, close: () => Promise<void>): FirefoxExtension {
  const url = (u: string): string => {
    const parsed = new URL(u);
    if (SERVED_HOSTS.has(parsed.hostname) && !parsed.port) parsed.port = String(site.port);
    return parsed.href;
  };
  return {
    browser,
    site,
    origin,
    control,
    url,
    page: () => browser.newPage(),
    async visit(page, to, { waitForVerdict = true } = {}) {
      await page.goto(url(to), { waitUntil: 'domcontentloaded' });
      // As in Chromium: wait until the background has answered, as a reader who stays a moment would.
      if (waitForVerdict) await page.waitForSelector('[data-declutter-recorded]', { timeout: 15_000 });
    },
    async popup(path = 'popup/index.html') {
      const known = new Set(browser.targets());
      const created = browser.waitForTarget((t: Target) => t.type() === 'page' && !known.has(t), { timeout: 15_000 });
      // BiDi refuses to navigate to moz-extension://, but an extension page may open one of its own.
      await control.evaluate((p) => {
        return (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url: `/${p}` }).then(() => undefined);
      }, path);
      const page = await (await created).page();
      if (!page) throw new Error(`no tab for ${path}`);
      await settled(page, `${origin}/${path}`);
      return page;
    },
    async dump() {
      // The extension's IndexedDB, read from its own page (same origin as the background that writes it).
      return control.evaluate(readDatabase);
    },
    async backgroundStartedAt() {
      return control.evaluate(async () => {
        const bg = await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage();
        if (!bg) throw new Error('no background page');
        return bg.performance.timeOrigin;
      });
    },
    close,
  };
}
