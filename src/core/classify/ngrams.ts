// Character 1-3-grams over folded text, keyed by exact numbers (no strings on the hot path) and
// looked up in a small open-addressing table. Digit runs collapse to one "0", so masked numbers,
// prices and phone numbers all read alike and a model cannot key on how digits were written.

/** 1 = letter, ideograph or other word character; 2 = digit; 0 = boundary (space, punctuation, symbol, emoji). */
export function unitClass(c: number): 0 | 1 | 2 {
  if (c < 0x80) {
    if (c >= 0x30 && c <= 0x39) return 2;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 1;
    return 0;
  }
  if (c < 0xc0) return 0; // Latin-1 punctuation and signs
  if (c >= 0x2000 && c <= 0x2bff) return 0; // general punctuation, arrows, math, box drawing, dingbats
  if (c >= 0x3000 && c <= 0x303f) return 0; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return 0; // surrogates: emoji and other astral symbols
  if (c >= 0xfe30 && c <= 0xfe4f) return 0; // CJK compatibility forms
  if (c >= 0xff00) return 0; // leftover half/full-width forms and specials
  return 1;
}

const DIGIT = 0x30;

/** Exact key of an n-gram: disjoint ranges for n = 1, 2, 3 (all below 2^53). */
export function gramKey(n: number, a: number, b: number, c: number): number {
  if (n === 1) return a;
  if (n === 2) return (a + 1) * 65536 + b;
  return 8589934592 + a * 4294967296 + b * 65536 + c;
}

/** The n-gram string of a key (inverse of `gramKey`). */
export function gramOfKey(key: number): string {
  if (key < 65536) return String.fromCharCode(key);
  if (key < 8589934592) return String.fromCharCode(Math.floor(key / 65536) - 1, key % 65536);
  const r = key - 8589934592;
  return String.fromCharCode(Math.floor(r / 4294967296), Math.floor(r / 65536) % 65536, r % 65536);
}

/** A 32-bit hash of an n-gram from its units (b, c are 0 when absent); the table's slot comes from it. */
export function gramHash(n: number, a: number, b: number, c: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + n, 0x85ebca77) ^ Math.imul(c + 7 * n, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2d);
  return h ^ (h >>> 13);
}

/**
 * Calls `onGram(key, hash, from, to)` for every 1-, 2- and 3-gram of the word characters in
 * units[start, end), with the gram's folded range [from, to). Boundaries break grams; a digit run
 * is one "0" (its range is its first digit).
 */
export function forEachGram(
  units: Uint16Array,
  start: number,
  end: number,
  onGram: (key: number, hash: number, from: number, to: number) => void,
): void {
  let p1 = -1; // previous kept unit, -1 after a boundary
  let p2 = -1; // the one before
  let at1 = 0; // their offsets
  let at2 = 0;
  for (let i = start; i < end; i++) {
    const raw = units[i]!;
    const cls = unitClass(raw);
    if (cls === 0) {
      p1 = -1;
      p2 = -1;
      continue;
    }
    if (cls === 2 && p1 === DIGIT) continue; // the rest of a digit run
    const c = cls === 2 ? DIGIT : raw;
    onGram(c, gramHash(1, c, 0, 0), i, i + 1);
    if (p1 >= 0) {
      onGram((p1 + 1) * 65536 + c, gramHash(2, p1, c, 0), at1, i + 1);
      if (p2 >= 0) onGram(8589934592 + p2 * 4294967296 + p1 * 65536 + c, gramHash(3, p2, p1, c), at2, i + 1);
    }
    p2 = p1;
    at2 = at1;
    p1 = c;
    at1 = i;
  }
}

export interface GramTable {
  readonly keys: Float64Array;
  readonly weights: Float64Array;
  readonly mask: number;
}

/** Builds the lookup table for n-gram strings (1 to 3 units, already folded) and their weights. */
export function buildGramTable(grams: readonly string[], weights: readonly number[]): GramTable {
  let size = 16;
  while (size < grams.length * 3) size *= 2;
  const keys = new Float64Array(size).fill(-1);
  const w = new Float64Array(size);
  const mask = size - 1;
  grams.forEach((g, i) => {
    const n = g.length;
    const a = g.charCodeAt(0);
    const b = n > 1 ? g.charCodeAt(1) : 0;
    const c = n > 2 ? g.charCodeAt(2) : 0;
    const key = gramKey(n, a, b, c);
    let s = gramHash(n, a, b, c) & mask;
    while (keys[s] !== -1 && keys[s] !== key) s = (s + 1) & mask;
    keys[s] = key;
    w[s] = weights[i] ?? 0;
  });
  return { keys, weights: w, mask };
}

/** The weight of an n-gram (its key and hash from `forEachGram`), 0 when the table does not hold it. */
export function gramWeight(t: GramTable, key: number, hash: number): number {
  let s = hash & t.mask;
  for (;;) {
    const k = t.keys[s]!;
    if (k === key) return t.weights[s]!;
    if (k === -1) return 0;
    s = (s + 1) & t.mask;
  }
}

/** Result slots of `scoreSpan` (two numbers without allocating). */
export const spanScore = { sum: 0, count: 0 };

/**
 * Sums the table weights of every n-gram in units[start, end) into `spanScore`: the same grams as
 * `forEachGram`, in one loop without callbacks (the classifier's hot path).
 */
export function scoreSpan(units: Uint16Array, start: number, end: number, t: GramTable): void {
  const keys = t.keys;
  const weights = t.weights;
  const mask = t.mask;
  let sum = 0;
  let count = 0;
  let p1 = -1;
  let p2 = -1;
  for (let i = start; i < end; i++) {
    const raw = units[i]!;
    const cls = unitClass(raw);
    if (cls === 0) {
      p1 = -1;
      p2 = -1;
      continue;
    }
    if (cls === 2 && p1 === DIGIT) continue;
    const c = cls === 2 ? DIGIT : raw;
    for (let n = 1; n <= 3; n++) {
      let key: number;
      let h: number;
      if (n === 1) {
        key = c;
        h = gramHash(1, c, 0, 0);
      } else if (n === 2) {
        if (p1 < 0) break;
        key = (p1 + 1) * 65536 + c;
        h = gramHash(2, p1, c, 0);
      } else {
        if (p2 < 0) break;
        key = 8589934592 + p2 * 4294967296 + p1 * 65536 + c;
        h = gramHash(3, p2, p1, c);
      }
      count++;
      let s = h & mask;
      for (;;) {
        const k = keys[s]!;
        if (k === key) {
          sum += weights[s]!;
          break;
        }
        if (k === -1) break;
        s = (s + 1) & mask;
      }
    }
    p2 = p1;
    p1 = c;
  }
  spanScore.sum = sum;
  spanScore.count = count;
}
