// Actions in the extension: the pages read IndexedDB and storage directly (same extension origin) and
// send every write to the service worker.
import browser from 'webextension-polyfill';
import { UndoRecord } from '../messages';
import { send } from '../shared/send';
import { readPrefs } from '../storage/prefs-store';
import { accountArticles, listAccounts } from '../storage/store';
import type { Actions, UiData } from './actions';
import { dropSnapshot, readSnapshot, writeSnapshot } from './snapshot';

/**
 * Messages that other parts send to the service worker reach extension pages too: a content script
 * reporting an article, or the options page importing. The worker writes IndexedDB, which has no
 * change event, so these are the hint to read again once the write has landed.
 */
const DATA_HINTS = new Set(['article/observed', 'article/correct', 'data/import', 'data/delete-all']);
/** Re-reads after a hint: soon for a warm worker, and again for one that had to start first. */
const HINT_DELAYS_MS = [300, 1500];

let pendingSnapshot: UiData | null = null;

export function browserActions(): Actions {
  const areas = { sync: browser.storage.sync, local: browser.storage.local };
  return {
    async load() {
      const [accounts, prefs, undoItem] = await Promise.all([listAccounts(), readPrefs(areas), browser.storage.local.get('undo')]);
      const undo = UndoRecord.safeParse(undoItem['undo']);
      return { accounts, prefs, undo: undo.success ? undo.data : null, now: Date.now() };
    },
    cached: () => readSnapshot(Date.now()),
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
    accountArticles: (accountId, limit) => accountArticles(accountId, limit),
    async send(request) {
      const reply = await send(request);
      // The snapshot must never outlive the data it copies.
      if (reply.ok && (request.type === 'data/delete-all' || request.type === 'data/import')) dropSnapshot();
      return reply;
    },
    subscribe(onChange) {
      let timers: ReturnType<typeof setTimeout>[] = [];
      const onStorage = (): void => onChange();
      const onMessage = (message: unknown): undefined => {
        const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
        if (typeof type === 'string' && DATA_HINTS.has(type)) {
          timers.forEach(clearTimeout);
          timers = HINT_DELAYS_MS.map((ms) => setTimeout(onChange, ms));
        }
        // Returning nothing leaves the reply to the service worker.
        return undefined;
      };
      browser.storage.onChanged.addListener(onStorage);
      browser.runtime.onMessage.addListener(onMessage);
      return () => {
        timers.forEach(clearTimeout);
        browser.storage.onChanged.removeListener(onStorage);
        browser.runtime.onMessage.removeListener(onMessage);
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
      void browser.runtime.openOptionsPage();
    },
  };
}
