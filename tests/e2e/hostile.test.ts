// Hostile input in real Chromium: pages whose titles and account names are markup, bidi overrides,
// 10,000 characters or emoji render as plain text in the popup and options pages (no script runs);
// broken pages never throw out of the content script; 1,000 junk messages sent from the content
// script's own world are all refused and leave the store unchanged.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { articleHtml, demoPages } from '../../scripts/demo/render';
import type { SampleAccount } from '../../scripts/demo/articles';
import { eventually, launch, type Extension } from './harness';

const XSS = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">';
const SCRIPT = '<script>window.__pwned=(window.__pwned||0)+1</script>';
const BIDI = '\u202Eredaolnwod\u202C 正常账号';
const LONG = '长'.repeat(10_000);
const EMOJI = '🔥💰限时🎁👉🏻账号🧧';
const names = [XSS, SCRIPT, BIDI, LONG, EMOJI];
const accounts: SampleAccount[] = names.map((name, i) => ({
  name,
  biz: `MzkwMDAwMDA${i}`,
  username: `gh_hostile${i}`,
  articles: [
    { title: `${XSS} 标题 ${i}`, paragraphs: ['这是一篇普通的文章。', '今天天气不错。'] },
    { title: `${SCRIPT}${BIDI}${EMOJI} ${i}`, paragraphs: ['限时优惠，扫码购买，立减50元！'] },
  ],
}));
const pages = demoPages(accounts, Math.floor(Date.now() / 1000) - 86_400);

/** Pages with nodes missing, duplicated or malformed: the content script must stay quiet. */
const broken: Record<string, string> = {
  '/s/empty': '',
  '/s/no-body': '<html><head><title>x</title></head></html>',
  '/s/duplicated': articleHtml(pages[0]!).replace(/<div class="rich_media_content[\s\S]*?<\/div>/, (m) => m + m + m).replace('id="js_name"', 'id="js_name"></a><a id="js_name"'),
  '/s/no-name': articleHtml(pages[1]!).replace(/id="js_name"[^<]*<\/a>/, '></a>').replace(/var nickname = [^;]*;/, ''),
  '/s/bad-vars': '<html><body><div id="js_content"><p>正文</p></div><script>var biz = "\\x";var ct = "NaN"; var msg_title = \'\\u{zz\'.html(false);</script></body></html>',
  '/s/huge-title': `<html><body><h1 id="activity-name">${'标题'.repeat(200_000)}</h1><a id="js_name">某账号</a><div id="js_content"><p>${'文'.repeat(100_000)}</p></div></body></html>`,
};

let ext: Extension;
beforeAll(async () => {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  ext = await launch({
    route: (host, path) => {
      if (host !== 'mp.weixin.qq.com') return null;
      if (path in broken) return { body: broken[path]! };
      const p = byPath.get(path);
      return p ? { body: articleHtml(p) } : null;
    },
  });
  const page = await ext.page();
  for (const p of pages) await ext.visit(page, `http://mp.weixin.qq.com${p.path}`);
  await page.close();
});
afterAll(async () => ext?.close());

async function noScriptRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0)).toBe(0);
  expect(await page.$$('img[src="x"]')).toHaveLength(0);
  expect(await page.$$('script:not([src])')).toHaveLength(0);
}

describe('hostile titles and account names', () => {
  test('are stored as the literal text the page showed', async () => {
    const d = await eventually(ext.dump, (x) => x.articles.length >= pages.length);
    expect(d.articles).toHaveLength(pages.length);
    for (const n of names) expect(d.accounts.some((a) => a.name === n.trim())).toBe(true);
  });

  test('render as plain text in the popup: no script runs, no element is made from them', async () => {
    const dialogs: string[] = [];
    const popup = await ext.popup();
    await popup.setViewportSize({ width: 420, height: 600 });
    popup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await popup.waitForSelector('[data-testid="account-row"]');
    const rows = await popup.$$eval('[data-testid="account-row"]', (els) => els.map((e) => (e as HTMLElement).dataset['accountName'] ?? ''));
    for (const n of names) expect(rows).toContain(n.trim());
    const text = await popup.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(XSS);
    // Open each account's detail, where the hostile titles are listed.
    const count = await popup.locator('[data-testid="account-row"]').count();
    expect(count).toBe(names.length);
    for (let i = 0; i < count; i++) {
      await popup.locator('[data-testid="account-row"] button.row-button').nth(i).click();
      await popup.waitForSelector('.popup[data-view="account"]');
      // The detail lists the account's articles, whose titles carry the payloads (read from
      // IndexedDB after the view opens: wait for them, not for a moment).
      await popup.waitForSelector('[data-testid="article"]');
      expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain('标题');
      await popup.keyboard.press('Escape');
      await popup.waitForSelector('.popup[data-view="main"]');
    }
    await noScriptRan(popup);
    expect(dialogs).toEqual([]);
    // A 10,000-character name must not push the popup wider than its frame.
    const width = await popup.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(420);
    await popup.screenshot({ path: '/tmp/declutter-hostile-popup.png' });
  });

  test('render as plain text in the options page (muted and pinned lists)', async () => {
    const popup = await ext.popup();
    await popup.evaluate(async (list) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      for (const [i, name] of list.entries()) {
        await runtime.sendMessage({ type: 'account/mute', accountId: `MzkwMDAwMDA${i}`, name, duration: '30d' });
        await runtime.sendMessage({ type: 'account/pin', accountId: `MzkwMDAwMDA${i}`, name, pinned: true });
      }
    }, names);
    const options = await ext.popup('options/index.html');
    await options.waitForTimeout(800);
    const text = await options.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(XSS);
    expect(text).toContain(EMOJI);
    await noScriptRan(options);
  });
});

describe('broken pages', () => {
  test('never throw out of the content script', async () => {
    const page = await ext.page();
    const problems: string[] = [];
    // The broken pages' own scripts may fail; only the extension's errors count here.
    page.on('console', (m) => {
      if (m.text().includes('declutter') || m.location().url.startsWith('chrome-extension://')) problems.push(m.text());
    });
    page.on('pageerror', (e) => {
      if ((e.stack ?? '').includes('chrome-extension://')) problems.push(String(e));
    });
    for (const path of Object.keys(broken)) {
      await ext.visit(page, `http://mp.weixin.qq.com${path}`, { waitForVerdict: false });
      await page.waitForTimeout(300);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('junk messages from a content script', () => {
  test('1,000 random and malformed messages are all refused and leave the store unchanged', async () => {
    const before = await ext.dump();
    const page = await ext.page();
    await ext.visit(page, `http://mp.weixin.qq.com${pages[0]!.path}`);
    const cdp = await ext.ctx.newCDPSession(page);
    const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await page.waitForTimeout(200);
    const world = contexts.find((c) => c.auxData?.type === 'isolated');
    expect(world, 'the content script world').toBeDefined();
    const result = await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        let s = 7;
        const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
        const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
        const vals = [null, 0, -1, '', 'x'.repeat(5000), '<img src=x onerror=alert(1)>', [], {}, true, '\\u202e'];
        const types = ['article/observed', 'article/correct', 'account/mute', 'account/pin', 'data/import', 'data/delete-all', 'data/export', 'undo', 'settings/update', 'nope', 42];
        const replies = [];
        for (let i = 0; i < 1000; i++) {
          const t = pick(types);
          const m = rnd() < 0.2 ? pick(vals)
            : t === 'article/observed' ? { type: t, observation: { key: pick(vals), accountName: pick(vals), verdict: { label: 'maybe' } } }
            : { type: t, confirm: true, text: '{}', accountId: 'MzkwMDAwMDA0', name: 'x', duration: '30d', pinned: true, key: 'k', label: 'service', settings: { minArticles: 1 } };
          try { replies.push(await chrome.runtime.sendMessage(m)); } catch (e) { replies.push({ ok: false, error: 'threw' }); }
        }
        return replies.map((r) => (r && r.ok === false ? r.error : 'ACCEPTED'));
      })()`,
    });
    const errors = (result as { result: { value: string[] } }).result.value;
    expect(errors).toHaveLength(1000);
    expect(errors.filter((e) => e === 'ACCEPTED')).toEqual([]);
    expect(new Set(errors)).toEqual(new Set(['bad-request', 'forbidden']));
    await cdp.detach();
    await page.close();
    const after = await ext.dump();
    // The visit above re-observed one article (visits + 1); nothing else may differ.
    const strip = (d: typeof before) => ({ ...d, articles: d.articles.map((a) => ({ ...a, visits: 0, lastSeenAt: 0, model: null })), accounts: d.accounts.map((a) => ({ ...a, lastSeenAt: 0 })) });
    expect(strip(after)).toEqual(strip(before));
  });
});
