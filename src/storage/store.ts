// Reads and writes of articles and account tallies. Each write is one readwrite transaction over both
// stores, so a tally never disagrees with its articles, and concurrent writers (tabs) serialise in IDB.
import type { Label } from '../core/article';
import type { AccountRecord, ArticleRecord, Observation } from '../core/records';
import { accountIdOf, countArticle, effectiveLabel, hasPitch, newAccount, retallyArticle, talliedAs, trimWeeks } from '../core/tally';
import { db } from './db';

/** Pure, in core so the popup's first frame needs none of this module (IndexedDB); re-exported here. */
export { weekSummary, type WeekSummary } from '../core/tally';

export type RecordResult = { accountId: string; counted: boolean; label: Label };

const MAX_TITLE = 2000;

/**
 * Files one observed article under its account. Seeing the same key again refreshes the record and
 * never counts it twice; a changed model verdict moves one count unless the reader has corrected it.
 */
export async function recordObservation(o: Observation, now = Date.now()): Promise<RecordResult> {
  return withQuotaRetry(async () => {
    const d = await db();
    const tx = d.transaction(['articles', 'accounts'], 'readwrite');
    const articles = tx.objectStore('articles');
    const accounts = tx.objectStore('accounts');
    const existing = await articles.get(o.key);
    const accountId = existing?.accountId ?? accountIdOf(o);
    const account = (await accounts.get(accountId)) ?? newAccount(accountId, o.accountName.trim(), o.accountUsername, now);
    account.name = o.accountName.trim() || account.name;
    account.username = o.accountUsername ?? account.username;
    let counted = false;
    let record: ArticleRecord;
    if (existing) {
      const before = talliedAs(existing);
      record = {
        ...existing,
        title: existing.pruned ? existing.title : o.title.slice(0, MAX_TITLE),
        lastSeenAt: Math.max(existing.lastSeenAt, now),
        visits: existing.visits + 1,
        model: o.verdict,
        publishedAt: o.publishedAt ?? existing.publishedAt,
      };
      retallyArticle(account, o.key, before, talliedAs(record), existing.firstSeenAt);
      account.lastSeenAt = Math.max(account.lastSeenAt, now);
    } else {
      record = {
        key: o.key,
        accountId,
        title: o.title.slice(0, MAX_TITLE),
        url: o.url.slice(0, 2000),
        kind: o.kind,
        publishedAt: o.publishedAt,
        firstSeenAt: now,
        lastSeenAt: now,
        visits: 1,
        model: o.verdict,
        userLabel: null,
      };
      countArticle(account, o.key, o.verdict.label, now, hasPitch(record));
      counted = true;
    }
    trimWeeks(account, now);
    await Promise.all([articles.put(record), accounts.put(account), tx.done]);
    return { accountId, counted, label: effectiveLabel(record) };
  });
}

/** The reader's correction: it beats the model from now on, and the account's tallies follow. `null` returns the call to the model. */
export async function correctArticle(key: string, label: Label | null): Promise<{ accountId: string; previous: Label | null } | null> {
  const d = await db();
  const tx = d.transaction(['articles', 'accounts'], 'readwrite');
  const article = await tx.objectStore('articles').get(key);
  if (!article) {
    await tx.done;
    return null;
  }
  const account = await tx.objectStore('accounts').get(article.accountId);
  const before = talliedAs(article);
  const previous = article.userLabel;
  article.userLabel = label;
  if (account) retallyArticle(account, key, before, talliedAs(article), article.firstSeenAt);
  await Promise.all([tx.objectStore('articles').put(article), account && tx.objectStore('accounts').put(account), tx.done]);
  return { accountId: article.accountId, previous };
}

/** Every account's tallies: what the popup renders. Never reads articles. */
export async function listAccounts(): Promise<AccountRecord[]> {
  return (await db()).getAll('accounts');
}

export async function getAccount(id: string): Promise<AccountRecord | undefined> {
  return (await db()).get('accounts', id);
}

export async function getArticle(key: string): Promise<ArticleRecord | undefined> {
  return (await db()).get('articles', key);
}

/** An account's most recently seen articles, newest first. */
export async function accountArticles(accountId: string, limit = 30): Promise<ArticleRecord[]> {
  const d = await db();
  const range = IDBKeyRange.bound([accountId, -Infinity], [accountId, Infinity]);
  const out: ArticleRecord[] = [];
  let cursor = await d.transaction('articles').store.index('byAccountSeen').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export class StorageFullError extends Error {
  constructor() {
    super('The browser has no room left for the extension’s data, even after pruning old article details.');
    this.name = 'StorageFullError';
  }
}

function isQuotaError(err: unknown): boolean {
  return err instanceof DOMException ? err.name === 'QuotaExceededError' : !!err && typeof err === 'object' && 'name' in err && err.name === 'QuotaExceededError';
}

async function withQuotaRetry<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    try {
      await pruneArticleDetails();
    } catch (pruneErr) {
      // Even shrinking records needs room to write; when there is none, say so plainly.
      if (isQuotaError(pruneErr)) throw new StorageFullError();
      throw pruneErr;
    }
    try {
      return await write();
    } catch (again) {
      if (isQuotaError(again)) throw new StorageFullError();
      throw again;
    }
  }
}

/**
 * Frees space without touching a tally: the oldest `share` of article records lose their title, URL
 * and reasons (their key, account, label and pitch segments stay, so revisits still count once and a
 * correction still moves the right counts).
 */
export async function pruneArticleDetails(share = 0.25): Promise<number> {
  const d = await db();
  const total = await d.count('articles');
  const target = Math.max(1, Math.ceil(total * share));
  const tx = d.transaction('articles', 'readwrite');
  let cursor = await tx.store.index('bySeen').openCursor();
  let pruned = 0;
  while (cursor && pruned < target) {
    const a = cursor.value;
    if (!a.pruned) {
      await cursor.update({ ...a, title: '', url: '', model: { ...a.model, reasons: [] }, pruned: true });
      pruned++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return pruned;
}

export async function deleteAllData(): Promise<void> {
  const d = await db();
  const tx = d.transaction(['articles', 'accounts'], 'readwrite');
  await Promise.all([tx.objectStore('articles').clear(), tx.objectStore('accounts').clear(), tx.done]);
}
