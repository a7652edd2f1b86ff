// `npm run demo`: builds the extension (npm script), starts Chromium with it over the project's own
// sample pages served on 127.0.0.1 under the real host names, reads like a reader would, prints what
// the extension recorded, opens the popup over an article tab, mutes the most promotional account from
// the popup, shows a pitch segment marked and folded inside an article, and writes screenshots.
//   npm run demo               headless, screenshots in demo-out/
//   npm run demo -- --headed   in a visible window (needs a display), left open until Enter
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLE_ACCOUNTS } from './demo/articles';
import { articleHtml, demoPages, sogouHtml } from './demo/render';
import type { Page } from 'playwright-core';
import { launch, type Extension } from '../tests/e2e/harness';

const OUT = resolve(import.meta.dirname, '../demo-out');
const headed = process.argv.includes('--headed');
const firstCt = Math.floor(Date.now() / 1000) - 3 * 86_400;
const pages = demoPages(SAMPLE_ACCOUNTS, firstCt);
const byPath = new Map(pages.map((p) => [p.path, p]));
const sogou = sogouHtml(pages.filter((_, i) => i % 2 === 0));

const route = (host: string, path: string) => {
  if (host === 'weixin.sogou.com') return { body: sogou };
  const p = host === 'mp.weixin.qq.com' ? byPath.get(path) : undefined;
  return p ? { body: articleHtml(p) } : null;
};

async function readAs(locale: string): Promise<Extension> {
  const ext = await launch({ route, locale, headless: !headed });
  const page = await ext.page();
  for (const p of pages) await ext.visit(page, `http://mp.weixin.qq.com${p.path}`);
  await page.close();
  return ext;
}

/** A useful tip that ends by selling: the article the popup is opened over. */
const CURRENT = pages.find((p) => p.article.title.startsWith('冬季护手霜'))!;

/**
 * Opens the sample article in a tab and the popup for that tab (`?tab=<id>`, as a test would; a
 * reader clicks the toolbar icon instead), and returns the popup with its current-article card drawn.
 */
async function popupOverArticle(ext: Extension): Promise<{ popup: Page; tabId: number; badge: string; title: string }> {
  const article = await ext.page();
  const url = `http://mp.weixin.qq.com${CURRENT.path}`;
  await ext.visit(article, url);
  const sw = await ext.serviceWorker();
  const icon = await sw.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }; action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome;
    const id = (await c.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    return { tabId: id, badge: await c.action.getBadgeText({ tabId: id }), title: await c.action.getTitle({ tabId: id }) };
  }, url);
  const popup = await ext.popup(`popup/index.html?tab=${icon.tabId}`);
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.waitForSelector('[data-testid="current-article"] [data-testid="current-account"]', { timeout: 10_000 });
  return { popup, ...icon };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`.padStart(4);
}

/**
 * A useful article that ends with a course pitch: the pitch marked in the margin, then folded to one
 * line after choosing "折叠" in the options page (the open page follows at once).
 */
async function pitchScreenshots(ext: Extension, page: Page): Promise<void> {
  const sample = pages.find((p) => p.article.title.startsWith('Git 提交信息'));
  if (!sample) return;
  await page.setViewportSize({ width: 1000, height: 720 });
  await ext.visit(page, `http://mp.weixin.qq.com${sample.path}`);
  const segments = Number(await page.getAttribute('#declutter-for-wechat', 'data-declutter-pitch-segments'));
  if (!segments) {
    console.log('The classifier found no pitch segment in the sample article: no pitch screenshots.');
    return;
  }
  // The pitch in the lower half of the window, with the article before it above.
  await page.evaluate(() => {
    const first = document.querySelector('[data-declutter-pitch]');
    if (first) window.scrollTo(0, first.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.55);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUT, 'article-pitch-marked-zh.png') });
  const options = await ext.popup('options/index.html');
  await options.waitForSelector('[data-testid="pitch-display"]');
  await options.check('[data-testid="pitch-display"] input[value="collapse"]');
  await options.waitForSelector('.status.ok');
  await options.close();
  await page.waitForSelector('[data-declutter-pitch-mode="collapse"]', { state: 'attached' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUT, 'article-pitch-collapsed-zh.png') });
  console.log(`Article with a course pitch at the end: ${segments} pitch segment marked, then folded from the options page.`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.log(`Reading ${pages.length} sample articles from ${SAMPLE_ACCOUNTS.length} accounts in Chromium…\n`);
  const ext = await readAs('zh-CN');
  const { accounts, articles } = await ext.dump();

  console.log('Accounts recorded:');
  for (const a of accounts.sort((x, y) => y.promo / y.articles - x.promo / x.articles)) {
    console.log(`  ${a.name.padEnd(10, '　')}  ${String(a.articles).padStart(2)} articles, ${String(a.promo).padStart(2)} promotional (${pct(a.promo / a.articles)})  id ${a.id}`);
  }
  console.log('\nArticles and verdicts:');
  for (const a of articles.sort((x, y) => x.accountId.localeCompare(y.accountId) || x.firstSeenAt - y.firstSeenAt)) {
    const why = a.model.reasons.slice(0, 3).map((r) => `${r.weight >= 0 ? '+' : '−'}${r.cue}: ${r.words.slice(0, 2).join('、')}`).join('; ');
    console.log(`  [${a.model.label === 'promotional' ? 'PROMO  ' : 'service'} ${pct(a.model.promoScore)}] ${a.title}${why ? `\n      ${why}` : ''}`);
  }

  const over = await popupOverArticle(ext);
  await over.popup.screenshot({ path: resolve(OUT, 'popup-current-zh.png') });
  const verdict = await over.popup.getAttribute('[data-testid="current-article"]', 'data-verdict');
  console.log(`\nOpened 「${CURRENT.article.title}」: toolbar badge ${over.badge ? `"${over.badge}"` : '(none)'}, title "${over.title}".`);
  console.log(`The popup over that tab starts with the article: ${verdict}, from ${CURRENT.account.name}.`);
  await over.popup.close();

  const popup = await ext.popup();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.waitForSelector('[data-testid="account-row"]', { timeout: 10_000 });
  await popup.screenshot({ path: resolve(OUT, 'popup-zh.png') });
  const suggestions = await popup.$$eval('[data-testid="suggestion"]', (els) => els.map((e) => `${(e as HTMLElement).dataset['action']} ${(e as HTMLElement).dataset['accountId']}`));
  console.log(`\nPopup suggestions: ${suggestions.join(', ') || '(none)'}`);
  const mute = await popup.$('[data-testid="suggestion"] [data-testid="mute-button"]');
  if (mute) {
    await mute.click();
    await popup.waitForSelector('[data-testid="undo"]', { timeout: 5_000 });
    await popup.screenshot({ path: resolve(OUT, 'popup-after-mute-zh.png') });
    console.log('Clicked Mute on the first suggestion; the popup offers Undo.');
  }
  const page = await ext.page();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto('http://weixin.sogou.com/weixin?type=2&query=%E7%94%9F%E6%B4%BB');
  await page.waitForTimeout(800);
  await page.screenshot({ path: resolve(OUT, 'sogou-muted-zh.png') });
  const hidden = await page.$$eval('[data-declutter-hidden]', (els) => els.length);
  console.log(`Sogou search page: ${hidden} results of the muted account hidden behind a count.`);
  const promoPage = pages.find((p) => p.account.name === SAMPLE_ACCOUNTS[0]!.name)!;
  await ext.visit(page, `http://mp.weixin.qq.com${promoPage.path}`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(OUT, 'article-muted-zh.png') });
  await pitchScreenshots(ext, page);
  if (headed) {
    console.log('\nThe browser stays open; press Enter to close it.');
    await new Promise((r) => process.stdin.once('data', r));
  }
  await ext.close();

  const en = await readAs('en-US');
  const overEn = await popupOverArticle(en);
  await overEn.popup.screenshot({ path: resolve(OUT, 'popup-current-en.png') });
  const popupEn = await en.popup();
  await popupEn.setViewportSize({ width: 420, height: 600 });
  await popupEn.waitForSelector('[data-testid="account-row"]', { timeout: 10_000 });
  await popupEn.screenshot({ path: resolve(OUT, 'popup-en.png') });
  await en.close();
  console.log(`\nScreenshots: ${OUT}/{popup-current-zh,popup-zh,popup-after-mute-zh,sogou-muted-zh,article-muted-zh,article-pitch-marked-zh,article-pitch-collapsed-zh,popup-current-en,popup-en}.png`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  if (String(err).includes('Executable doesn')) console.error('Install Chromium first: apt-get install -y chromium fonts-noto-cjk');
  process.exit(1);
});
