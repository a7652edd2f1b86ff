// The reader's data in real Chromium: Delete all leaves no account name behind, not even in the
// popup's remembered snapshot (localStorage), whether or not the popup is open meanwhile; and when
// the browser's storage.sync refuses writes (its real per-minute write quota), a mute from the
// popup is kept in storage.local and still mutes the account's article page.
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SAMPLE_ACCOUNTS } from '../../scripts/demo/articles';
import { articleHtml, demoPages } from '../../scripts/demo/render';
import { eventually, launch, type Extension, type Route } from './harness';

const accounts = SAMPLE_ACCOUNTS.slice(0, 2);
const pages = demoPages(accounts, Math.floor(Date.now() / 1000) - 3 * 86_400);
const byPath = new Map(pages.map((p) => [p.path, p]));
const route: Route = (host, path) => {
  const p = host === 'mp.weixin.qq.com' ? byPath.get(path) : undefined;
  return p ? { body: articleHtml(p) } : null;
};

let ext: Extension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

async function readAll(e: Extension): Promise<void> {
  const page = await e.page();
  for (const p of pages) await e.visit(page, `http://mp.weixin.qq.com${p.path}`);
  await page.close();
}

/** Everything the extension origin keeps in localStorage, as one string. */
const localStorageText = (page: Page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));

async function openPopup(e: Extension): Promise<Page> {
  const popup = await e.popup();
  await popup.waitForSelector('.popup[data-state="ready"]');
  return popup;
}

async function deleteAllFromOptions(e: Extension): Promise<Page> {
  const options = await e.popup('options/index.html');
  await options.waitForSelector('.options[data-state="ready"]');
  await options.click('[data-testid="delete-all"]');
  await options.fill('[data-testid="delete-word"]', '删除');
  await options.click('[data-testid="delete-confirm-button"]');
  await options.waitForSelector('.status.ok');
  return options;
}

describe('delete all', () => {
  test('drops the popup’s remembered snapshot: no account name survives, and the popup opens empty', async () => {
    ext = await launch({ route });
    await readAll(ext);
    const popup = await openPopup(ext);
    await popup.close({ runBeforeUnload: true });
    const options = await ext.popup('options/index.html');
    // The snapshot holds the names (the positive control for the check below).
    const before = await eventually(() => localStorageText(options), (t) => accounts.every((a) => t.includes(a.name)));
    for (const a of accounts) expect(before).toContain(a.name);
    await options.close();

    const after = await deleteAllFromOptions(ext);
    const text = await localStorageText(after);
    for (const a of accounts) expect(text).not.toContain(a.name);
    expect((await ext.dump()).accounts).toEqual([]);

    // The next popup's very first frame has nothing to show from before.
    const again = await ext.popup();
    expect(await again.$$('[data-testid="account-row"]')).toHaveLength(0);
    await again.waitForSelector('.popup[data-state="ready"] p.empty');
    expect(await again.$$('[data-testid="account-row"]')).toHaveLength(0);
  });

  test('with the popup open meanwhile: it hears of the deletion, shows it, and leaves no name behind when closed', async () => {
    ext = await launch({ route });
    await readAll(ext);
    const popup = await openPopup(ext);
    // It has remembered the names by now (the positive control for the check below).
    expect(await eventually(() => localStorageText(popup), (t) => accounts.every((a) => t.includes(a.name)))).toContain(accounts[0]!.name);
    await deleteAllFromOptions(ext);
    // The open popup hears of the deletion and shows it; closing it saves what it shows.
    await popup.waitForSelector('.popup[data-state="ready"] p.empty');
    await popup.close({ runBeforeUnload: true });
    const page = await ext.popup('options/index.html');
    const text = await localStorageText(page);
    for (const a of accounts) expect(text).not.toContain(a.name);
  });
});

describe('when storage.sync refuses writes', () => {
  test('a mute from the popup is kept in storage.local, mutes the article page, and Undo clears it', async () => {
    ext = await launch({ route });
    await readAll(ext);
    const popup = await openPopup(ext);
    const storage = (area: 'sync' | 'local', key: string) =>
      popup.evaluate(
        async ([a, k]) => ((await (globalThis as unknown as { chrome: { storage: Record<string, { get(k: string): Promise<Record<string, unknown>> }> } }).chrome.storage[a!]!.get(k!))[k!] ?? null),
        [area, key],
      );
    // Use up Chromium's real sync write quota (120 writes a minute), as other extensions' syncing or a
    // busy session could. Keys without a colon are no prefs, so the reader's choices stay as they were.
    const refused = await popup.evaluate(async () => {
      const sync = (globalThis as unknown as { chrome: { storage: { sync: { set(i: object): Promise<void> } } } }).chrome.storage.sync;
      for (let i = 0; i < 130; i++) {
        try {
          await sync.set({ [`filler${i}`]: i });
        } catch (err) {
          return String(err);
        }
      }
      return null;
    });
    expect(refused, 'storage.sync refused a write').toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);

    const promo = accounts.find((a) => a.name === '好物优选社')!;
    const card = popup.locator(`[data-testid="suggestion"][data-account-id="${promo.biz}"]`);
    await card.locator('[data-testid="mute-button"]').click();
    await popup.waitForSelector('[data-testid="undo"]');
    expect(await storage('sync', `mute:${promo.biz}`)).toBeNull();
    expect(await storage('local', `mute:${promo.biz}`)).toMatchObject({ name: promo.name });
    expect(await popup.getAttribute(`[data-testid="account-row"][data-account-id="${promo.biz}"]`, 'data-muted')).toBe('true');

    const article = await ext.page();
    await ext.visit(article, `http://mp.weixin.qq.com${pages.find((p) => p.account === promo)!.path}`);
    const muted = () => article.evaluate(() => document.getElementById('declutter-for-wechat')?.getAttribute('data-declutter-muted') ?? null);
    expect(await eventually(muted, (v) => v === 'true')).toBe('true');

    await popup.bringToFront();
    await popup.click('[data-testid="undo"]');
    expect(await eventually(() => storage('local', `mute:${promo.biz}`), (v) => v === null)).toBeNull();
    expect(await eventually(muted, (v) => v === null)).toBeNull();
  });
});
