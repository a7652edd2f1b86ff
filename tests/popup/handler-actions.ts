// Actions over the real service-worker handlers and storage code (fake-indexeddb, in-memory storage
// areas): the popup driven end to end in Node, with the worker's real undo and tally logic.
import { handle, HandlerError, type Context } from '../../src/background/handlers';
import { parseReply, parseRequest, UndoRecord, type Reply, type RequestOf, type RequestType } from '../../src/messages';
import { readPrefs } from '../../src/storage/prefs-store';
import { accountArticles, getArticle, listAccounts } from '../../src/storage/store';
import type { Actions, CurrentTab } from '../../src/ui/actions';

/** `current`: the tab the popup is opened over, as its content script would answer. */
export function handlerActions(ctx: Context, current: CurrentTab | null = null): Actions & { copied: string[] } {
  const listeners = new Set<() => void>();
  const copied: string[] = [];
  return {
    copied,
    async load() {
      const [accounts, prefs, local] = await Promise.all([listAccounts(), readPrefs(ctx.areas), ctx.areas.local.get('undo')]);
      const undo = UndoRecord.safeParse(local['undo']);
      return { accounts, prefs, undo: undo.success ? undo.data : null, now: ctx.now() };
    },
    cached: () => null,
    remember() {},
    accountArticles: (id, limit) => accountArticles(id, limit),
    currentTab: async () => current,
    article: (key) => getArticle(key),
    async send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>> {
      const parsed = parseRequest(structuredClone(request), false);
      if (!parsed.ok) return parsed.reply;
      let raw: unknown;
      try {
        raw = await handle(parsed.request, ctx);
      } catch (err) {
        raw = err instanceof HandlerError ? { ok: false, error: err.code, detail: err.message } : { ok: false, error: 'internal', detail: String(err) };
      }
      // Like storage.onChanged, after the write.
      queueMicrotask(() => listeners.forEach((l) => l()));
      return parseReply(request.type as T, structuredClone(raw));
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    async copyText(text) {
      copied.push(text);
      return true;
    },
    saveFile() {},
    openOptions() {},
  };
}
