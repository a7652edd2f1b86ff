// The reader's choices in extension storage: `storage.sync` first so they follow the reader; an item
// the sync quota refuses goes to `storage.local` instead, and reads merge both (sync wins).
import { Mute, pitchDisplayOf, prefItemKey, prefsFromItems, type PitchDisplay, type PrefKind, type Prefs } from '../core/prefs';

/** The part of a `browser.storage` area this module uses (a fake in unit tests). */
export interface Area {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface PrefAreas {
  sync: Area;
  local: Area;
}

/** storage.local keys that are not prefs (the fallback holds prefs under the same keys as sync). */
export const LOCAL_ONLY_KEYS = new Set(['undo']);

export async function readPrefItems(areas: PrefAreas): Promise<Record<string, unknown>> {
  const [sync, local] = await Promise.all([areas.sync.get(null).catch(() => ({})), areas.local.get(null)]);
  const items: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(local)) if (!LOCAL_ONLY_KEYS.has(k)) items[k] = v;
  return Object.assign(items, sync);
}

/** Just one account's mute, for the hot path (every observed article asks). */
export async function readMute(areas: PrefAreas, accountId: string): Promise<Mute | null> {
  const key = prefItemKey('mute', accountId);
  const [sync, local] = await Promise.all([areas.sync.get(key).catch(() => ({}) as Record<string, unknown>), areas.local.get(key)]);
  const parsed = Mute.safeParse((sync as Record<string, unknown>)[key] ?? local[key]);
  return parsed.success ? parsed.data : null;
}

/** Just how pitch segments show, for article pages (they need no other setting). */
export async function readPitchDisplay(areas: PrefAreas): Promise<PitchDisplay> {
  const [sync, local] = await Promise.all([areas.sync.get('settings').catch(() => ({}) as Record<string, unknown>), areas.local.get('settings')]);
  return pitchDisplayOf((sync as Record<string, unknown>)['settings'] ?? local['settings']);
}

export async function readPrefs(areas: PrefAreas): Promise<Prefs> {
  return prefsFromItems(await readPrefItems(areas));
}

/**
 * Writes pref items (`undefined` removes one). Each item goes to sync; if sync refuses it (quota,
 * sync off), to local. A removal clears both areas so a stale fallback never resurfaces.
 */
export async function writePrefItems(areas: PrefAreas, changes: Record<string, unknown>): Promise<void> {
  const removals = Object.keys(changes).filter((k) => changes[k] === undefined);
  const sets = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (removals.length) {
    await Promise.all([areas.sync.remove(removals).catch(() => undefined), areas.local.remove(removals)]);
  }
  if (Object.keys(sets).length) {
    try {
      await areas.sync.set(sets);
      await areas.local.remove(Object.keys(sets));
    } catch {
      await areas.local.set(sets);
    }
  }
}

export function itemKey(kind: PrefKind, accountId: string): string {
  return prefItemKey(kind, accountId);
}

/** Removes every pref item, and the undo record with them (delete all data). */
export async function clearPrefs(areas: PrefAreas): Promise<void> {
  const [sync, local] = await Promise.all([areas.sync.get(null).catch(() => ({})), areas.local.get(null)]);
  await Promise.all([areas.sync.remove(Object.keys(sync)).catch(() => undefined), areas.local.remove(Object.keys(local))]);
}
