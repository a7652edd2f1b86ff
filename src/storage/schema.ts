// The shape of the extension's IndexedDB: its name, its stores and indexes, and the types a schema
// step works with. Types only, so the opener and every migration import it without importing each other.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AccountRecord, ArticleRecord } from '../core/records';

export const DB_NAME = 'declutter';

export interface DeclutterDB extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { byAccountSeen: [string, number]; bySeen: number } };
  accounts: { key: string; value: AccountRecord };
}

export type UpgradeTx = IDBPTransaction<DeclutterDB, StoreNames<DeclutterDB>[], 'versionchange'>;
/** One schema step: runs inside the upgrade transaction, where only IDB requests may be awaited. */
export type Migration = (db: IDBPDatabase<DeclutterDB>, tx: UpgradeTx) => Promise<void> | void;
