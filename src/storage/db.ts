// The only code that opens the extension's IndexedDB: its schema, the versions it has had and the
// migrations between them. Everything else goes through the functions in this folder.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AccountRecord, ArticleRecord } from '../core/records';
import { migrateV1toV2 } from './migrate-v2';

export const DB_NAME = 'declutter';
export const DB_VERSION = 2;

export interface DeclutterDB extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { byAccountSeen: [string, number]; bySeen: number } };
  accounts: { key: string; value: AccountRecord };
}

type UpgradeTx = IDBPTransaction<DeclutterDB, StoreNames<DeclutterDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<DeclutterDB>, tx: UpgradeTx) => Promise<void> | void;

/**
 * Version 1 (the first release): `articles` {key, accountId, title, url, label, promoScore, seenAt}
 * and `accounts` {id, name, articles, promo}. Version 2 adds per-week tallies, recent labels,
 * reasons, reader corrections and an index by account and time.
 */
export const MIGRATIONS: Record<number, Migration> = {
  1: (db) => {
    db.createObjectStore('articles', { keyPath: 'key' });
    db.createObjectStore('accounts', { keyPath: 'id' });
  },
  2: async (_db, tx) => {
    const articles = tx.objectStore('articles');
    articles.createIndex('byAccountSeen', ['accountId', 'firstSeenAt']);
    articles.createIndex('bySeen', 'firstSeenAt');
    // Only IDB requests may be awaited here: any other await lets the upgrade transaction commit.
    await migrateV1toV2(tx);
  },
};

let opening: Promise<IDBPDatabase<DeclutterDB>> | null = null;

/** Opens (once per context) the database at the current version, running any pending migrations. */
export function db(): Promise<IDBPDatabase<DeclutterDB>> {
  opening ??= openDb().catch((err: unknown) => {
    opening = null;
    throw err;
  });
  return opening;
}

export function openDb(version = DB_VERSION, name = DB_NAME): Promise<IDBPDatabase<DeclutterDB>> {
  return openDB<DeclutterDB>(name, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`no migration to database version ${v}`);
        await step(database, tx);
      }
    },
    blocking() {
      // A newer version wants to open (an update in another context): let it.
      void opening?.then((d) => d.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  });
}

/** Forgets the cached connection (tests, delete-all). */
export async function closeDb(): Promise<void> {
  const o = opening;
  opening = null;
  if (o) (await o.catch(() => null))?.close();
}
