// Service worker entry: registers its listener synchronously at top level (MV3 may start the worker
// just to deliver one message) and answers every message, valid or not, with a reply.
import browser, { type Runtime } from 'webextension-polyfill';
import { parseRequest, type ErrorReply, type RequestType } from '../messages';
import { announceDataChange } from '../shared/changes';
import { StorageFullError } from '../storage/store';
import { TEST_HOOKS } from '../shared/test-hooks';
import { handle, HandlerError, type Context } from './handlers';
import { actionToolbar } from './toolbar';

const ctx: Context = {
  areas: { sync: browser.storage.sync, local: browser.storage.local },
  now: () => Date.now(),
  toolbar: actionToolbar(browser.action),
};
/** Requests that write IndexedDB (prefs changes reach pages through storage.onChanged instead). */
const WRITES_DATA: ReadonlySet<RequestType> = new Set(['article/observed', 'article/correct', 'undo', 'data/import', 'data/delete-all']);

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

/** Messages from a tab that is not one of our own pages come from a content script inside a web page. */
function fromContentScript(sender: Runtime.MessageSender): boolean {
  const url = sender.url ?? sender.tab?.url ?? '';
  return !url.startsWith(extensionOrigin);
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return Promise.resolve<ErrorReply>({ ok: false, error: 'forbidden', detail: 'unknown sender' });
  const parsed = parseRequest(raw, fromContentScript(sender));
  if (!parsed.ok) return Promise.resolve(parsed.reply);
  // Only a content script's own tab may have its icon set by what it reports.
  const tabId = fromContentScript(sender) && sender.tab?.id !== undefined && sender.tab.id >= 0 ? sender.tab.id : null;
  return handle(parsed.request, ctx, { tabId })
    .then((reply) => {
      if (WRITES_DATA.has(parsed.request.type)) announceDataChange();
      return reply;
    })
    .catch((err: unknown): ErrorReply => {
    if (err instanceof HandlerError) return { ok: false, error: err.code, detail: err.message };
    if (err instanceof StorageFullError) return { ok: false, error: 'storage-full', detail: err.message };
    console.error('declutter: request failed', err);
    return { ok: false, error: 'internal', detail: err instanceof Error ? err.message : String(err) };
  });
});

/**
 * The test build, installed as a temporary add-on (how the Firefox e2e harness installs it), opens its
 * options page: WebDriver BiDi will not navigate a tab to moz-extension:// URLs, so the harness needs
 * one page of ours to start from. Only Firefox reports `temporary`; the shipped build has none of this.
 */
if (TEST_HOOKS) {
  browser.runtime.onInstalled.addListener(({ temporary }) => {
    if (temporary) void browser.runtime.openOptionsPage();
  });
}
