// What the service worker does with each checked request. It holds no state in memory: every
// handler reads what it needs from storage, so a stopped and restarted worker loses nothing.
import { isMuted, muteUntil, prefItemKey, prefsFromItems, shortName, type PrefKind, type Prefs } from '../core/prefs';
import { dismissalOf } from '../core/suggest';
import { mergePrefs, parseExportText } from '../core/transfer';
import type { ReplyOf, Request, RequestOf, RequestType, UndoRecord } from '../messages';
import { UndoRecord as UndoSchema } from '../messages';
import { clearPrefs, readMute, readPrefItems, readPrefs, writePrefItems, type PrefAreas } from '../storage/prefs-store';
import { correctArticle, deleteAllData, getAccount, getArticle, recordObservation } from '../storage/store';
import { exportData, importData } from '../storage/transfer';
import { effectiveLabel } from '../core/tally';
import { toolbarState, type Toolbar } from './toolbar';

export interface Context {
  areas: PrefAreas;
  now: () => number;
  /** The toolbar icon; absent where there is none to show (unit tests that do not look at it). */
  toolbar?: Toolbar;
}

/** Who sent a request: the tab of a content script, null for the extension's own pages. */
export interface Sender {
  tabId: number | null;
}

const NO_TAB: Sender = { tabId: null };

type Handlers = { [T in RequestType]: (req: RequestOf<T>, ctx: Context, sender: Sender) => Promise<ReplyOf<T>> };

const UNDO_KEY = 'undo';

/** Applies pref changes and remembers their prior values as the one undoable action. */
async function changePrefs(
  ctx: Context,
  action: UndoRecord['action'],
  accountId: string,
  name: string,
  changes: Array<[PrefKind, unknown]>,
): Promise<UndoRecord> {
  const prefs = await readPrefs(ctx.areas);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [kind, value] of changes) {
    const key = prefItemKey(kind, accountId);
    before[key] = currentItem(prefs, kind, accountId) ?? null;
    after[key] = value;
  }
  const undo: UndoRecord = { action, accountId, name: shortName(name), at: ctx.now(), prefs: before, labels: [] };
  await writePrefItems(ctx.areas, after);
  await ctx.areas.local.set({ [UNDO_KEY]: undo });
  return undo;
}

function currentItem(prefs: Prefs, kind: PrefKind, id: string): unknown {
  switch (kind) {
    case 'mute':
      return prefs.mutes[id];
    case 'pin':
      return prefs.pins[id];
    case 'dismiss':
      return prefs.dismissed[id];
    case 'unfollow':
      return prefs.unfollowed[id];
  }
}

export const handlers: Handlers = {
  async 'article/observed'({ observation }, ctx, sender) {
    const result = await recordObservation(observation, ctx.now());
    if (sender.tabId !== null) {
      const corrected = result.label !== observation.verdict.label;
      await showOnToolbar(ctx, sender.tabId, toolbarState(result.label, corrected, observation.verdict.reasons));
    }
    const mute = await readMute(ctx.areas, result.accountId);
    return { ok: true, ...result, muted: !!mute && isMuted({ mutes: { [result.accountId]: mute } }, result.accountId, ctx.now()) };
  },

  async 'toolbar/show'({ tabId, key }, ctx) {
    const article = await getArticle(key);
    if (!article) return { ok: true, shown: false };
    const label = effectiveLabel(article);
    return { ok: true, shown: await showOnToolbar(ctx, tabId, toolbarState(label, article.userLabel !== null && label !== article.model.label, article.model.reasons)) };
  },

  async 'article/correct'({ key, label }, ctx) {
    const done = await correctArticle(key, label);
    if (!done) throw new HandlerError('not-found', `no article ${key}`);
    const account = await getAccount(done.accountId);
    const undo: UndoRecord = { action: 'correct', accountId: done.accountId, name: shortName(account?.name ?? ''), at: ctx.now(), prefs: {}, labels: [{ key, before: done.previous }] };
    await ctx.areas.local.set({ [UNDO_KEY]: undo });
    return { ok: true, undo };
  },

  async 'account/mute'({ accountId, name, duration }, ctx) {
    const now = ctx.now();
    const undo = await changePrefs(ctx, 'mute', accountId, name, [['mute', { name: shortName(name), since: now, until: muteUntil(duration, now) }]]);
    return { ok: true, undo };
  },

  async 'account/unmute'({ accountId }, ctx) {
    const prefs = await readPrefs(ctx.areas);
    const undo = await changePrefs(ctx, 'unmute', accountId, prefs.mutes[accountId]?.name ?? '', [['mute', undefined]]);
    return { ok: true, undo };
  },

  async 'account/pin'({ accountId, name, pinned }, ctx) {
    const value = pinned ? { name: shortName(name), since: ctx.now() } : undefined;
    const undo = await changePrefs(ctx, pinned ? 'pin' : 'unpin', accountId, name, [['pin', value]]);
    return { ok: true, undo };
  },

  async 'account/unfollowed'({ accountId, name, done }, ctx) {
    const value = done ? { name: shortName(name), at: ctx.now() } : undefined;
    const undo = await changePrefs(ctx, done ? 'unfollowed' : 'refollowed', accountId, name, [['unfollow', value]]);
    return { ok: true, undo };
  },

  async 'suggestion/dismiss'({ accountId }, ctx) {
    const account = await getAccount(accountId);
    if (!account) throw new HandlerError('not-found', `no account ${accountId}`);
    const undo = await changePrefs(ctx, 'dismiss', accountId, account.name, [['dismiss', dismissalOf(account, ctx.now())]]);
    return { ok: true, undo };
  },

  async 'settings/update'({ settings }, ctx) {
    const prefs = await readPrefs(ctx.areas);
    await writePrefItems(ctx.areas, { settings: { ...prefs.settings, ...settings } });
    return { ok: true };
  },

  async undo(_req, ctx) {
    const stored = (await ctx.areas.local.get(UNDO_KEY))[UNDO_KEY];
    const parsed = UndoSchema.safeParse(stored);
    if (!parsed.success) return { ok: true, undone: null };
    const undo = parsed.data;
    const restore: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(undo.prefs)) restore[key] = value === null ? undefined : value;
    await writePrefItems(ctx.areas, restore);
    for (const { key, before } of undo.labels) await correctArticle(key, before);
    await ctx.areas.local.remove(UNDO_KEY);
    return { ok: true, undone: undo };
  },

  async 'data/export'(_req, ctx) {
    return { ok: true, file: await exportData(await readPrefs(ctx.areas), ctx.now()) };
  },

  async 'data/import'({ text }, ctx) {
    const parsed = parseExportText(text);
    if (!parsed.ok) throw new HandlerError('bad-import', parsed.error);
    const counts = await importData(parsed.file);
    const localItems = await readPrefItems(ctx.areas);
    const local = prefsFromItems(localItems);
    const merged = mergePrefs(local, parsed.file.prefs);
    const items: Record<string, unknown> = {};
    // Settings the reader never changed here are the file's; ones they did change stay theirs.
    if (localItems['settings'] === undefined) items['settings'] = parsed.file.prefs.settings;
    for (const [id, v] of Object.entries(merged.mutes)) if (!local.mutes[id]) items[prefItemKey('mute', id)] = v;
    for (const [id, v] of Object.entries(merged.pins)) if (!local.pins[id]) items[prefItemKey('pin', id)] = v;
    for (const [id, v] of Object.entries(merged.dismissed)) if (!local.dismissed[id]) items[prefItemKey('dismiss', id)] = v;
    for (const [id, v] of Object.entries(merged.unfollowed)) if (!local.unfollowed[id]) items[prefItemKey('unfollow', id)] = v;
    await writePrefItems(ctx.areas, items);
    return { ok: true, ...counts };
  },

  async 'data/delete-all'(_req, ctx) {
    await deleteAllData();
    await clearPrefs(ctx.areas);
    return { ok: true };
  },
};

/** The icon is a courtesy: a tab closed meanwhile must not fail the write that was asked for. */
async function showOnToolbar(ctx: Context, tabId: number, state: ReturnType<typeof toolbarState>): Promise<boolean> {
  if (!ctx.toolbar) return false;
  try {
    await ctx.toolbar.show(tabId, state);
    return true;
  } catch {
    return false;
  }
}

export class HandlerError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

export async function handle(request: Request, ctx: Context, sender: Sender = NO_TAB): Promise<ReplyOf<RequestType>> {
  const handler = handlers[request.type] as (req: Request, ctx: Context, sender: Sender) => Promise<ReplyOf<RequestType>>;
  return handler(request, ctx, sender);
}
