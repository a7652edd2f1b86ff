// The popup against the floor: a blank extension page (the test build's bench/blank.html, the popup's
// head and nothing else) and the popup opened in alternation in one browser, so both see the same
// machine load. Each page's first frame is taken the same way, by a script Playwright runs before the
// page's own: the first animation frame in which the page shows what it is for (the blank page: its
// body; the popup: its first account rows, or its "nothing yet" text with an empty database).
import type { Page } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import type { BenchRow } from './types';

/** One extension in a browser: the harness's Extension, or one of several loaded side by side (A/B). */
export interface Target {
  ctx: BrowserContext;
  extId: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs in every extension page before its scripts (Playwright init script): records the first frame. */
const FIRST_FRAME = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const want = location.pathname.endsWith('/bench/blank.html') ? 'body' : location.pathname.endsWith('/popup/index.html') ? '[data-testid="account-row"], .popup p.empty' : null;
  if (!want) return;
  const tick = () => {
    if (document.querySelector(want)) globalThis.__benchFirstFrame = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const installed = new WeakSet<BrowserContext>();
export async function recordFirstFrames(ctx: BrowserContext): Promise<void> {
  if (installed.has(ctx)) return;
  installed.add(ctx);
  await ctx.addInitScript(FIRST_FRAME);
}

const SETTLE_MS = 500;

export interface Opening {
  /** Navigation → the first frame that shows the page's content (ms since the page's time origin). */
  frame: number;
  /** Navigation → HTML parsed (domInteractive). */
  parsed: number;
  /** Timeline marks of the popup (`declutter:*`), by name; absent on the blank page. */
  marks: Record<string, number>;
}

export async function open(ext: Target, path: string, ready?: string): Promise<Opening> {
  const page: Page = await ext.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extId}/${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => typeof (globalThis as { __benchFirstFrame?: number }).__benchFirstFrame === 'number', null, { timeout: 30_000, polling: 50 });
    if (ready) await page.waitForSelector(ready, { state: 'attached', timeout: 30_000 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const marks: Record<string, number> = {};
      for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('declutter:')) marks[e.name] = e.startTime;
      return { frame: (globalThis as { __benchFirstFrame?: number }).__benchFirstFrame!, parsed: nav.domInteractive, marks };
    });
  } finally {
    await page.close();
    // Extension pages share one renderer process: let the page just closed finish its work there
    // (the popup saves its snapshot as it closes, and frees a large heap) before the next opening,
    // as a reader's next click would.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  }
}

export interface PairRun {
  blank: Opening[];
  popup: Opening[];
}

/**
 * `runs` openings of each, alternating which goes first (ABBA…), after one unmeasured opening of each
 * (the first extension page of a browser, and the popup's first snapshot write, are one-offs).
 */
export async function alternate(ext: Target, runs: number, popupReady: string): Promise<PairRun> {
  await recordFirstFrames(ext.ctx);
  await open(ext, 'bench/blank.html');
  await open(ext, 'popup/index.html', popupReady);
  const out: PairRun = { blank: [], popup: [] };
  for (let i = 0; i < runs; i++) {
    const popupFirst = i % 2 === 1;
    if (popupFirst) out.popup.push(await open(ext, 'popup/index.html', popupReady));
    out.blank.push(await open(ext, 'bench/blank.html'));
    if (!popupFirst) out.popup.push(await open(ext, 'popup/index.html', popupReady));
  }
  return out;
}

/** The rows of one comparison: both medians, their ratio against its goal, and where the popup's time goes. */
export function pairRows(label: string, run: PairRun, goal: number): BenchRow[] {
  const blank = median(run.blank.map((o) => o.frame));
  const popup = median(run.popup.map((o) => o.frame));
  const ratio = popup / blank;
  const paired = median(run.popup.map((o, i) => o.frame / run.blank[i]!.frame));
  const mark = (name: string) => median(run.popup.map((o) => o.marks[`declutter:${name}`] ?? NaN).filter((x) => !Number.isNaN(x)));
  const rows: BenchRow[] = [
    { metric: `blank extension page, navigation → first frame (${label} run)`, value: round(blank), unit: 'ms (median)', goal: '(the floor)', meets: null },
    { metric: `popup, navigation → first ${label === 'empty database' ? 'frame (its “nothing seen yet” text)' : 'rows'} (${label})`, value: round(popup), unit: 'ms (median)', goal: '(compared below)', meets: null },
    { metric: `  popup ÷ blank page (${label}, ${run.popup.length} openings each, alternating)`, value: round(ratio, 2), unit: '×', goal: `≤ ${goal}×`, meets: ratio <= goal },
    { metric: '  (median of the paired ratios, for context)', value: round(paired, 2), unit: '×', goal: '(context)', meets: null },
    { metric: '  popup: HTML parsed (domInteractive)', value: round(median(run.popup.map((o) => o.parsed))), unit: 'ms (median)', goal: '(part of the above)', meets: null },
    { metric: '  blank page: HTML parsed', value: round(median(run.blank.map((o) => o.parsed))), unit: 'ms (median)', goal: '(context)', meets: null },
  ];
  for (const [name, text] of [
    ['popup-script-start', 'its script fetched and compiled, starts'],
    ['popup-modules-evaluated', 'its modules evaluated'],
    ['popup-snapshot-read', 'snapshot read from localStorage'],
    ['popup-rendered', 'first render done'],
    ['popup-ready', 'fresh tallies read from IndexedDB and shown (off the first frame)'],
  ] as const) {
    const at = mark(name);
    if (!Number.isNaN(at)) rows.push({ metric: `  popup: ${text} (mark)`, value: round(at), unit: 'ms (median)', goal: '(part of the above)', meets: null });
  }
  return rows;
}

/** Seeds 2,000 accounts and 100,000 articles straight into IndexedDB (50 articles each, 8 weeks). */
export async function seedPopupData(ext: Target): Promise<void> {
  const seed = await ext.ctx.newPage();
  await seed.goto(`chrome-extension://${ext.extId}/popup/index.html`);
  // The popup's own read creates the database at its current version; seed only after it.
  await seed.waitForSelector('.popup[data-state="ready"]', { state: 'attached', timeout: 30_000 });
  await seed.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('declutter');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const WEEK = 7 * 86_400_000;
    const now = Date.now();
    const weekOf = (at: number) => { const day = Math.floor((at + 8 * 3_600_000) / 86_400_000); return day - ((day + 3) % 7); };
    for (let batch = 0; batch < 20; batch++) {
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(['articles', 'accounts'], 'readwrite');
        for (let a = batch * 100; a < (batch + 1) * 100; a++) {
          const id = `MzSeed${a}`;
          const promoEvery = (a % 7) + 1;
          const weeks: Record<string, { n: number; promo: number }> = {};
          const recent: Array<{ key: string; promo: boolean; at: number; pitch: boolean }> = [];
          let promo = 0;
          for (let i = 0; i < 50; i++) {
            const at = now - (i % 8) * WEEK - i * 3_600_000;
            const isPromo = i % promoEvery === 0;
            const key = `${id}:${i}:1`;
            tx.objectStore('articles').put({
              key, accountId: id, title: `第 ${i} 篇：账号 ${a} 的文章标题`, url: `http://mp.weixin.qq.com/s/${a}_${i}`, kind: 'article', publishedAt: at,
              firstSeenAt: at, lastSeenAt: at, visits: 1, model: { label: isPromo ? 'promotional' : 'service', promoScore: isPromo ? 0.9 : 0.1, reasons: [], segments: [], paragraphs: 0 }, userLabel: null,
            });
            const w = String(weekOf(at));
            weeks[w] ??= { n: 0, promo: 0 };
            weeks[w].n++;
            if (isPromo) { weeks[w].promo++; promo++; }
            if (i < 24) recent.push({ key, promo: isPromo, at, pitch: false });
          }
          tx.objectStore('accounts').put({ id, name: `测试账号${a}`, username: null, articles: 50, promo, adsInside: 0, firstSeenAt: now - 8 * WEEK, lastSeenAt: now, weeks, recent: recent.sort((x, y) => x.at - y.at) });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    }
    db.close();
  });
  await seed.close();
}
