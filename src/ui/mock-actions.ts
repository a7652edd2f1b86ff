// Actions over plain in-memory data, with the service worker's semantics for the requests the UI
// sends: the popup and options pages run and are tested without a browser. Records what was sent.
import { emptyPrefs, muteUntil, PREF_KINDS, shortName, type PrefKind, type Prefs } from '../core/prefs';
import type { AccountRecord, ArticleRecord } from '../core/records';
import { dismissalOf } from '../core/suggest';
import { retallyArticle, talliedAs } from '../core/tally';
import { EXPORT_FORMAT, EXPORT_VERSION, mergePrefs, parseExportText } from '../core/transfer';
import type { ErrorReply, Reply, ReplyOf, Request, RequestOf, RequestType, UndoRecord } from '../messages';
import type { Actions, CurrentTab, UiData } from './actions';

export interface MockSeed {
  accounts?: AccountRecord[];
  articles?: ArticleRecord[];
  prefs?: Prefs;
  undo?: UndoRecord | null;
  now?: number;
  /** The tab the popup is opened over and the article it shows. */
  current?: CurrentTab | null;
}

export interface MockActions extends Actions {
  accounts: Map<string, AccountRecord>;
  articles: Map<string, ArticleRecord>;
  prefs: Prefs;
  undo: UndoRecord | null;
  now: number;
  current: CurrentTab | null;
  /** Every request sent, in order. */
  sent: Request[];
  /** Files offered for download. */
  saved: Array<{ name: string; text: string; type: string }>;
  copied: string[];
  /** What `cached()` returns (the popup's instant first render). */
  snapshot: UiData | null;
  /** Data handed to `remember()`, newest last. */
  remembered: UiData[];
  /** Whether the clipboard accepts text (false exercises the select-text fallback). */
  clipboardWorks: boolean;
  optionsOpened: number;
  /** The next request of this type fails with this reply. */
  failNext(type: RequestType, reply: ErrorReply): void;
  /** Tells subscribers that stored data changed (as `storage.onChanged` would). */
  emit(): void;
}

const clone = <T>(v: T): T => structuredClone(v);

export function mockActions(seed: MockSeed = {}): MockActions {
  const listeners = new Set<() => void>();
  const failures = new Map<RequestType, ErrorReply>();
  const m: MockActions = {
    accounts: new Map((seed.accounts ?? []).map((a) => [a.id, clone(a)])),
    articles: new Map((seed.articles ?? []).map((a) => [a.key, clone(a)])),
    prefs: clone(seed.prefs ?? emptyPrefs()),
    undo: seed.undo ?? null,
    now: seed.now ?? Date.now(),
    current: seed.current ?? null,
    sent: [],
    saved: [],
    copied: [],
    snapshot: null,
    remembered: [],
    clipboardWorks: true,
    optionsOpened: 0,

    async load(): Promise<UiData> {
      return { accounts: [...m.accounts.values()].map(clone), prefs: clone(m.prefs), undo: clone(m.undo), now: m.now };
    },
    cached() {
      return clone(m.snapshot);
    },
    remember(data) {
      m.remembered.push(clone(data));
    },
    async accountArticles(accountId, limit = 30) {
      return [...m.articles.values()]
        .filter((a) => a.accountId === accountId)
        .sort((a, b) => b.firstSeenAt - a.firstSeenAt)
        .slice(0, limit)
        .map(clone);
    },
    async currentTab() {
      return clone(m.current);
    },
    async article(key) {
      return clone(m.articles.get(key));
    },
    async send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>> {
      m.sent.push(clone(request) as Request);
      const failure = failures.get(request.type);
      if (failure) {
        failures.delete(request.type);
        return failure;
      }
      const reply = handle(request as Request);
      if (reply.ok) queueMicrotask(() => m.emit());
      return reply as Reply<T>;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    async copyText(text) {
      if (!m.clipboardWorks) return false;
      m.copied.push(text);
      return true;
    },
    saveFile(name, text, type) {
      m.saved.push({ name, text, type });
    },
    openOptions() {
      m.optionsOpened++;
    },
    failNext(type, reply) {
      failures.set(type, reply);
    },
    emit() {
      for (const l of listeners) l();
    },
  };

  function current(kind: PrefKind, id: string): unknown {
    return (m.prefs[PREF_KINDS[kind]] as Record<string, unknown>)[id];
  }
  function put(kind: PrefKind, id: string, value: unknown): void {
    const map = m.prefs[PREF_KINDS[kind]] as Record<string, unknown>;
    if (value === undefined || value === null) delete map[id];
    else map[id] = value;
  }
  function change(action: UndoRecord['action'], accountId: string, name: string, kind: PrefKind, value: unknown): ReplyOf<'account/mute'> {
    const undo: UndoRecord = { action, accountId, name: shortName(name), at: m.now, prefs: { [`${kind}:${accountId}`]: clone(current(kind, accountId)) ?? null }, labels: [] };
    put(kind, accountId, value);
    m.undo = undo;
    return { ok: true, undo };
  }
  function relabel(key: string, label: ArticleRecord['userLabel']): ArticleRecord['userLabel'] | undefined {
    const article = m.articles.get(key);
    if (!article) return undefined;
    const before = talliedAs(article);
    const previous = article.userLabel;
    article.userLabel = label;
    const account = m.accounts.get(article.accountId);
    if (account) retallyArticle(account, key, before, talliedAs(article), article.firstSeenAt);
    return previous;
  }

  function handle(req: Request): ReplyOf<RequestType> | ErrorReply {
    switch (req.type) {
      case 'article/observed':
        return { ok: false, error: 'unsupported', detail: 'the mock does not classify pages' };
      case 'toolbar/show':
        return { ok: true, shown: false };
      case 'article/correct': {
        const previous = relabel(req.key, req.label);
        if (previous === undefined) return { ok: false, error: 'not-found', detail: `no article ${req.key}` };
        const accountId = m.articles.get(req.key)!.accountId;
        const undo: UndoRecord = { action: 'correct', accountId, name: shortName(m.accounts.get(accountId)?.name ?? ''), at: m.now, prefs: {}, labels: [{ key: req.key, before: previous }] };
        m.undo = undo;
        return { ok: true, undo };
      }
      case 'account/mute':
        return change('mute', req.accountId, req.name, 'mute', { name: shortName(req.name), since: m.now, until: muteUntil(req.duration, m.now) });
      case 'account/unmute':
        return change('unmute', req.accountId, m.prefs.mutes[req.accountId]?.name ?? '', 'mute', undefined);
      case 'account/pin':
        return change(req.pinned ? 'pin' : 'unpin', req.accountId, req.name, 'pin', req.pinned ? { name: shortName(req.name), since: m.now } : undefined);
      case 'account/unfollowed':
        return change(req.done ? 'unfollowed' : 'refollowed', req.accountId, req.name, 'unfollow', req.done ? { name: shortName(req.name), at: m.now } : undefined);
      case 'suggestion/dismiss': {
        const acc = m.accounts.get(req.accountId);
        if (!acc) return { ok: false, error: 'not-found', detail: `no account ${req.accountId}` };
        return change('dismiss', req.accountId, acc.name, 'dismiss', dismissalOf(acc, m.now));
      }
      case 'settings/update':
        m.prefs.settings = { ...m.prefs.settings, ...req.settings };
        return { ok: true };
      case 'undo': {
        const undo = m.undo;
        if (!undo) return { ok: true, undone: null };
        for (const [key, value] of Object.entries(undo.prefs)) {
          const colon = key.indexOf(':');
          put(key.slice(0, colon) as PrefKind, key.slice(colon + 1), clone(value));
        }
        for (const { key, before } of undo.labels) relabel(key, before);
        m.undo = null;
        return { ok: true, undone: undo };
      }
      case 'data/export':
        return {
          ok: true,
          file: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: m.now, accounts: [...m.accounts.values()].map(clone), articles: [...m.articles.values()].map(clone), prefs: clone(m.prefs) },
        };
      case 'data/import': {
        const parsed = parseExportText(req.text);
        if (!parsed.ok) return { ok: false, error: 'bad-import', detail: parsed.error };
        let accountsAdded = 0;
        let articlesAdded = 0;
        for (const a of parsed.file.accounts) if (!m.accounts.has(a.id)) (m.accounts.set(a.id, clone(a)), accountsAdded++);
        for (const a of parsed.file.articles) if (!m.articles.has(a.key)) (m.articles.set(a.key, clone(a)), articlesAdded++);
        m.prefs = mergePrefs(m.prefs, parsed.file.prefs);
        return { ok: true, accountsAdded, articlesAdded, correctionsAdded: 0 };
      }
      case 'data/delete-all':
        m.accounts.clear();
        m.articles.clear();
        m.prefs = emptyPrefs();
        m.undo = null;
        return { ok: true };
    }
  }

  return m;
}
