// What the popup showed last time, kept compact in the page's localStorage so the next opening can
// draw its first rows at once (stale-while-revalidate): reading 2,000 account records out of
// IndexedDB costs ~100 ms of deserialising in Chromium, a compact string ~5 ms. The fresh read
// replaces it moments later; delete-all and import drop it. It is a copy of the tallies the popup
// already reads, on the same device and origin.
import { Prefs } from '../core/prefs';
import type { AccountRecord } from '../core/records';
import { weekOf } from '../core/tally';
import { UndoRecord } from '../core/undo';
import type { UiData } from './actions';

export const SNAPSHOT_KEY = 'declutter:popup-snapshot';
/** 2: accounts carry `adsInside`, and recent labels whether the article had a pitch segment. */
const VERSION = 2;
/** Weeks kept per account: the 8-week trend plus the current week's summary. */
const WEEKS = 9;
/** The reason line reads the last 12 labels. */
const RECENT = 12;
/** localStorage holds ~5 M characters per origin; a snapshot larger than this is not worth its cost. */
const MAX_CHARS = 2_000_000;

type CompactAccount = [id: string, name: string, articles: number, promo: number, firstSeenAt: number, lastSeenAt: number, weeks: number[], recent: string, adsInside: number];

/** One letter per recent article: promotional or service, upper case when it carries a pitch segment. */
const letterOf = (r: { promo: boolean; pitch: boolean }): string => (r.promo ? (r.pitch ? 'P' : 'p') : r.pitch ? 'S' : 's');

interface Snapshot {
  v: number;
  savedAt: number;
  prefs: unknown;
  undo: unknown;
  a: CompactAccount[];
}

export function encodeSnapshot(data: UiData): string | null {
  const oldest = weekOf(data.now) - 7 * (WEEKS - 1);
  const a: CompactAccount[] = data.accounts.map((acc) => {
    const weeks: number[] = [];
    for (const [k, w] of Object.entries(acc.weeks)) if (Number(k) >= oldest) weeks.push(Number(k), w.n, w.promo);
    const recent = acc.recent
      .slice(-RECENT)
      .map(letterOf)
      .join('');
    return [acc.id, acc.name, acc.articles, acc.promo, acc.firstSeenAt, acc.lastSeenAt, weeks, recent, acc.adsInside];
  });
  const snap: Snapshot = { v: VERSION, savedAt: data.now, prefs: data.prefs, undo: data.undo, a };
  const text = JSON.stringify(snap);
  return text.length > MAX_CHARS ? null : text;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Decoded recent labels share these frozen entries (what the popup reads of them is the label and the
 * order): 2,000 accounts would otherwise allocate 24,000 objects before the first frame.
 */
const LETTERS = 'spSP';
const RECENT_ENTRIES = [...LETTERS].map((_, k) => Array.from({ length: RECENT }, (_, at) => Object.freeze({ key: '', promo: (k & 1) === 1, pitch: k >= 2, at })));

/** The snapshot as UI data, or null for anything missing, old or malformed (it is only a shortcut). */
export function decodeSnapshot(text: string | null, now: number): UiData | null {
  if (!text) return null;
  try {
    const snap = JSON.parse(text) as Snapshot;
    if (!snap || snap.v !== VERSION || !Array.isArray(snap.a)) return null;
    const prefs = Prefs.safeParse(snap.prefs);
    if (!prefs.success) return null;
    const undo = snap.undo === null ? null : UndoRecord.safeParse(snap.undo);
    if (undo && !undo.success) return null;
    // This loop runs once, cold, before the first frame, over every account: plain indexed loops,
    // because array destructuring and iterator callbacks cost several times more in V8's interpreter.
    const list = snap.a;
    const accounts: AccountRecord[] = new Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const c = list[k];
      if (!Array.isArray(c) || c.length !== 9) return null;
      const id = c[0], name = c[1], articles = c[2], promo = c[3], firstSeenAt = c[4], lastSeenAt = c[5], weeks = c[6], recent = c[7], adsInside = c[8];
      if (typeof id !== 'string' || typeof name !== 'string' || !isNum(articles) || !isNum(promo) || !isNum(firstSeenAt) || !isNum(lastSeenAt) || !Array.isArray(weeks) || typeof recent !== 'string' || recent.length > RECENT || !isNum(adsInside)) return null;
      const w: AccountRecord['weeks'] = {};
      for (let i = 0; i + 2 < weeks.length; i += 3) w[String(weeks[i])] = { n: weeks[i + 1]!, promo: weeks[i + 2]! };
      const r: AccountRecord['recent'] = new Array(recent.length);
      for (let i = 0; i < recent.length; i++) {
        const letter = LETTERS.indexOf(recent[i]!);
        if (letter < 0) return null;
        r[i] = RECENT_ENTRIES[letter]![i]!;
      }
      accounts[k] = { id, name, username: null, articles, promo, adsInside, firstSeenAt, lastSeenAt, weeks: w, recent: r };
    }
    return { accounts, prefs: prefs.data, undo: undo ? undo.data : null, now };
  } catch {
    return null;
  }
}

/** The page's localStorage, when it has one and lets us use it. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readSnapshot(now: number): UiData | null {
  return decodeSnapshot(storage()?.getItem(SNAPSHOT_KEY) ?? null, now);
}

export function writeSnapshot(data: UiData): void {
  const s = storage();
  if (!s) return;
  try {
    const text = encodeSnapshot(data);
    if (text === null) s.removeItem(SNAPSHOT_KEY);
    else s.setItem(SNAPSHOT_KEY, text);
  } catch {
    // Quota or a private window: the next opening reads IndexedDB, as it would anyway.
    s.removeItem(SNAPSHOT_KEY);
  }
}

export function dropSnapshot(): void {
  try {
    storage()?.removeItem(SNAPSHOT_KEY);
  } catch {
    // Nothing stored, nothing to drop.
  }
}
