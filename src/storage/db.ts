// The only code that opens the extension's IndexedDB: one cached connection per context, upgraded by
// the steps in migrations.ts. Everything else goes through the functions in this folder.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS } from './migrations';
import { DB_NAME, type DeclutterDB } from './schema';

export { DB_NAME, DB_VERSION, type DeclutterDB };

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
