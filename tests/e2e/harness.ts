// Runs the built extension in real Chromium (playwright-core, the system Chromium, headless) over
// pages served on 127.0.0.1 under the real host names, and reads back what it stored.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { AccountRecord, ArticleRecord } from '../../src/core/records';
import { locateShared } from '../../scripts/shared-path';

/** The shipped build (what the release archives hold) and the test build (the same plus page-side test hooks). */
export const RELEASE_DIST = resolve(import.meta.dirname, '../../dist');
export const DIST = resolve(import.meta.dirname, '../../dist-e2e');
/** The real pages in the shared folder. Located, not required: the demo launches through this harness without them (the test run checks the folder exists first, tests/global-setup.ts). */
export const FIXTURES = resolve(locateShared().dir, 'fixtures/wechat/real');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Answers one request: `null` is a 404. Hosts are the real ones the browser asked for. */
export type Route = (host: string, path: string) => { body: string | Buffer; type?: string; status?: number } | null;

export interface Site {
  port: number;
  close(): Promise<void>;
}

export async function serve(route: Route): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0] ?? '';
    const hit = route(host, req.url ?? '/');
    if (!hit) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(hit.status ?? 200, { 'content-type': hit.type ?? 'text/html; charset=utf-8' });
    res.end(hit.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** Serves files by exact path on mp.weixin.qq.com, and one page for any weixin.sogou.com path. */
export function fileRoutes(pages: Record<string, string>, sogou?: string, extra?: Route): Route {
  return (host, path) => {
    const fromExtra = extra?.(host, path);
    if (fromExtra) return fromExtra;
    if (host === 'weixin.sogou.com' && sogou) return { body: readFileSync(sogou) };
    const file = host === 'mp.weixin.qq.com' ? pages[path] : undefined;
    return file ? { body: readFileSync(file) } : null;
  };
}

export interface Extension {
  ctx: BrowserContext;
  extId: string;
  site: Site;
  /** Requests the extension itself made (service worker, its pages), apart from its own files. */
  extensionRequests: string[];
  page(): Promise<Page>;
  visit(page: Page, url: string, opts?: { waitForVerdict?: boolean }): Promise<void>;
  popup(path?: string): Promise<Page>;
  dump(): Promise<{ articles: ArticleRecord[]; accounts: AccountRecord[] }>;
  serviceWorker(): Promise<Worker>;
  stopServiceWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** `dir`: the unpacked extension to load: the test build by default, RELEASE_DIST for checks on what ships, a release package's files in tests/e2e/release.test.ts. */
export async function launch(opts: { route: Route; locale?: string; headless?: boolean; dir?: string }): Promise<Extension> {
  const dir = opts.dir ?? DIST;
  const site = await serve(opts.route);
  const profile = mkdtempSync(join(tmpdir(), 'declutter-e2e-'));
  const locale = opts.locale ?? 'zh-CN';
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    locale,
    // The extension's language (browser.i18n) follows Chromium's UI language, which on Linux comes
    // from the environment; --lang alone is not enough in headless mode.
    env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8`, LANGUAGE: locale.replace('-', '_') },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Every other host fails at once: the real pages pull scripts from WeChat's CDN, which tests must not reach.
      `--host-resolver-rules=MAP mp.weixin.qq.com 127.0.0.1:${site.port}, MAP weixin.sogou.com 127.0.0.1:${site.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    ],
  });
  // Scripts run through tsx (demo, bench) compile functions with esbuild's keepNames, which wraps them
  // in `__name(...)`; functions sent to page.evaluate need that helper in the page too.
  await ctx.addInitScript('globalThis.__name ??= (f) => f;');
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extId = new URL(sw.url()).host;
  const extensionRequests: string[] = [];
  ctx.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('chrome-extension://') || u.startsWith('data:') || u.startsWith('blob:')) return;
    // Requests the extension's own pages or worker make (not the WeChat pages or their scripts).
    const frameUrl = (() => {
      try {
        return r.frame().url();
      } catch {
        return '';
      }
    })();
    if (r.serviceWorker() || frameUrl.startsWith('chrome-extension://')) extensionRequests.push(u);
  });

  const ext: Extension = {
    ctx,
    extId,
    site,
    extensionRequests,
    page: () => ctx.newPage(),
    async visit(page, url, { waitForVerdict = true } = {}) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      // Wait until the service worker has answered, as a reader who stays a moment would: a page
      // left within milliseconds may take its unsent report with it.
      if (waitForVerdict) await page.waitForSelector('[data-declutter-recorded]', { state: 'attached', timeout: 15_000 });
    },
    async popup(path = 'popup/index.html') {
      const p = await ctx.newPage();
      await p.goto(`chrome-extension://${extId}/${path}`);
      return p;
    },
    async dump() {
      const p = await ctx.newPage();
      await p.goto(`chrome-extension://${extId}/popup/index.html`);
      const data = await p.evaluate(readDatabase);
      await p.close();
      return data;
    },
    async serviceWorker() {
      return ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
    },
    async stopServiceWorkers() {
      const p = ctx.pages()[0] ?? (await ctx.newPage());
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async close() {
      await ctx.close();
      await site.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

/**
 * The extension's IndexedDB as its records, read in one of its own pages (both browsers' harnesses pass
 * this function to the page, so it closes over nothing). Reading never creates the database: before
 * the extension's first write there is none, and opening it here would make an empty version 1 the
 * extension then has to upgrade.
 */
export async function readDatabase(): Promise<{ articles: ArticleRecord[]; accounts: AccountRecord[] }> {
  const db = await new Promise<IDBDatabase | null>((res, rej) => {
    const r = indexedDB.open('declutter');
    r.onupgradeneeded = () => r.transaction?.abort();
    r.onsuccess = () => res(r.result);
    r.onerror = () => (r.error?.name === 'AbortError' ? res(null) : rej(r.error));
  });
  if (!db) return { articles: [], accounts: [] };
  const all = <T>(store: string) =>
    new Promise<T[]>((res, rej) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => res(r.result as T[]);
      r.onerror = () => rej(r.error);
    });
  const out = { articles: await all<ArticleRecord>('articles'), accounts: await all<AccountRecord>('accounts') };
  db.close();
  return out;
}

/** Waits until `check` holds (polling), for state that settles asynchronously (a write in flight). */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  let last = await read();
  while (!check(last)) {
    if (Date.now() - start > timeoutMs) return last;
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}

/** One element inside the extension's closed shadow root, as DevTools sees it. */
export interface ShadowNode {
  nodeId: number;
  tag: string;
  classes: string[];
  attrs: Record<string, string>;
  text: string;
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The elements inside the extension's host on `page`. Its shadow root is closed, so neither page
 * scripts nor Playwright's selectors reach it; the DevTools protocol does (`pierce`), like a reader's eyes.
 */
export async function shadowElements(page: Page, hostId = 'declutter-for-wechat'): Promise<ShadowNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const attrsOf = (n: CdpNode): Record<string, string> => {
      const out: Record<string, string> = {};
      for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) out[n.attributes![i]!] = n.attributes![i + 1]!;
      return out;
    };
    const textOf = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join(''));
    const find = (n: CdpNode): CdpNode | null => {
      if (n.nodeType === 1 && attrsOf(n)['id'] === hostId) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root);
    const out: ShadowNode[] = [];
    const walk = (n: CdpNode): void => {
      if (n.nodeType === 1) {
        const attrs = attrsOf(n);
        out.push({ nodeId: n.nodeId, tag: n.nodeName.toLowerCase(), classes: (attrs['class'] ?? '').split(/\s+/).filter(Boolean), attrs, text: textOf(n) });
      }
      for (const c of n.children ?? []) walk(c);
    };
    for (const shadow of host?.shadowRoots ?? []) walk(shadow);
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Clicks the element of the extension's shadow root that `match` picks, with the mouse, at its centre. */
export async function clickInShadow(page: Page, match: (n: ShadowNode) => boolean, hostId?: string): Promise<void> {
  const node = (await shadowElements(page, hostId)).find(match);
  if (!node) throw new Error('no such element in the extension’s shadow root');
  const cdp = await page.context().newCDPSession(page);
  let box: { content: number[] };
  try {
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: node.nodeId });
    ({ model: box } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } });
  } finally {
    await cdp.detach();
  }
  const xs = [box.content[0]!, box.content[2]!, box.content[4]!, box.content[6]!];
  const ys = [box.content[1]!, box.content[3]!, box.content[5]!, box.content[7]!];
  await page.mouse.click((Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2);
}

/**
 * Waits until the article content script has read the page (its extract step's timing mark, test
 * build only): a check that nothing is shown means something only after that.
 */
/** Resolves once the list content script has read the page against the mutes (test build hook). */
export async function listScriptRan(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('html[data-declutter-list-ready]', { state: 'attached', timeout });
}

export async function contentScriptRan(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('declutter:extract', 'measure').length > 0, null, { timeout, polling: 50 });
}

/** Sends requests to the service worker from one of the extension's own pages, as the popup would. */
export async function sendFromExtension(page: Page, messages: unknown[]): Promise<unknown[]> {
  return page.evaluate(async (list) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const out: unknown[] = [];
    for (const m of list) out.push(await runtime.sendMessage(m));
    return out;
  }, messages);
}
