// Actions in the extension: the pages read IndexedDB and storage directly (same extension origin) and
// send every write to the service worker. Only the snapshot is read before the popup's first frame;
// everything that touches the browser comes from browser-io.ts, imported on first use.
import { UndoRecord } from '../core/undo';
import type { PageQuery } from '../messages';
import type { Actions, CurrentTab, UiData } from './actions';
import { dropSnapshot, readSnapshot, writeSnapshot } from './snapshot';

let pendingSnapshot: UiData | null = null;

let io: Promise<typeof import('./browser-io')> | null = null;
const browserIo = (): Promise<typeof import('./browser-io')> => (io ??= import('./browser-io'));

export function browserActions(): Actions {
  return {
    async load() {
      const { browser, listAccounts, readPrefs } = await browserIo();
      const areas = { sync: browser.storage.sync, local: browser.storage.local };
      const [accounts, prefs, undoItem] = await Promise.all([listAccounts(), readPrefs(areas), browser.storage.local.get('undo')]);
      const undo = UndoRecord.safeParse(undoItem['undo']);
      return { accounts, prefs, undo: undo.success ? undo.data : null, now: Date.now() };
    },
    cached() {
      const data = readSnapshot(Date.now());
      performance.mark('declutter:popup-snapshot-read');
      return data;
    },
    remember(data) {
      // Off the first frame (serialising 2,000 accounts takes a few milliseconds), or as the popup
      // closes, whichever comes first.
      const first = pendingSnapshot === null;
      pendingSnapshot = data;
      if (!first) return;
      const flush = (): void => {
        if (pendingSnapshot) writeSnapshot(pendingSnapshot);
        pendingSnapshot = null;
      };
      const later = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
      if (later) later(flush, { timeout: 2000 });
      else setTimeout(flush, 200);
      addEventListener('pagehide', flush, { once: true });
    },
    accountArticles: async (accountId, limit) => (await browserIo()).accountArticles(accountId, limit),
    currentTab,
    article: async (key) => (await browserIo()).getArticle(key),
    async send(request) {
      const reply = await (await browserIo()).send(request);
      // The snapshot must never outlive the data it copies.
      if (reply.ok && (request.type === 'data/delete-all' || request.type === 'data/import')) dropSnapshot();
      return reply;
    },
    subscribe(onChange) {
      // Prefs live in extension storage (its own change event); tallies in IndexedDB, whose writer
      // announces each write on a broadcast channel. The listeners are in place before the first
      // read that load() starts has finished: both wait for the same import, load() first.
      let stop: (() => void) | null = null;
      let stopped = false;
      void browserIo().then(({ browser, onDataChange }) => {
        if (stopped) return;
        const onStorage = (): void => onChange();
        browser.storage.onChanged.addListener(onStorage);
        const stopData = onDataChange(onChange);
        stop = () => {
          browser.storage.onChanged.removeListener(onStorage);
          stopData();
        };
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    async copyText(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    saveFile(name, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    openOptions() {
      void browserIo().then(({ browser }) => browser.runtime.openOptionsPage());
    },
  };
}

/** `?tab=<id>` (tests open the popup as a page of its own), else the active tab of the popup's window. */
async function popupTabId(browser: Awaited<ReturnType<typeof browserIo>>['browser']): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return /^\d{1,10}$/.test(param) ? Number(param) : null;
  // Needs no permission: without `tabs` the answer carries the id but no URL or title.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Asks the tab's article content script which article it shows. Any other page has none to answer
 * (the call fails), so a stale answer is impossible: the tab is asked, not a record of it.
 */
async function currentTab(): Promise<CurrentTab | null> {
  try {
    const { browser, PageArticle } = await browserIo();
    const tabId = await popupTabId(browser);
    if (tabId === null) return null;
    const query: PageQuery = { type: 'page/article' };
    const reply = PageArticle.safeParse(await browser.tabs.sendMessage(tabId, query, { frameId: 0 }));
    return reply.success && reply.data.key !== null ? { tabId, key: reply.data.key } : null;
  } catch {
    return null;
  }
}
