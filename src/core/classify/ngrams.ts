// Character 1-3-grams over folded text, identified by a 32-bit hash computed from the units (no
// strings on the hot path) and looked up in a small open-addressing table of integer weights.
// Digit runs collapse to one "0", so masked numbers, prices and phone numbers all read alike and a
// model cannot key on how digits were written.
//
// Cold start matters more than peak speed: the content script classifies once per page, in a fresh
// JS context, so this code runs interpreted. Hence: integers only in the scan (no boxed doubles),
// the three hashes of a position share their multiplications, a table is built from the model's
// packed strings in one loop without splitting or parsing, and only when a text needs it.
// Functions are plain declarations: wrapping them as `(function f() {…})` to have V8 compile them
// eagerly only moved the same cost from the first call to the script's evaluation (measured by
// instruction counts, a fresh process each: evaluation + first call within 1% either way).

/** 1 = letter, ideograph or other word character; 2 = digit; 0 = boundary (space, punctuation, symbol, emoji). */
export function unitClass(c: number): 0 | 1 | 2 {
  if (c >= 0x3400 && c < 0xa000) return 1; // CJK ideographs: most of any article
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

/** Exact key of an n-gram: disjoint ranges for n = 1, 2, 3 (all below 2^53). Training only. */
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

// A table finds a gram of two or three units by a hash of its units (the XOR of each unit times a
// multiplier for its place, and a tag for the length), then compares the units themselves, so a
// lookup is exact. The multipliers are below 2^14, so every product of a 16-bit unit stays a
// small integer: no Math.imul calls and no heap numbers while the code still runs in the
// interpreter. One-unit grams need no hash: they index a 65,536-entry array directly.
const M1 = 0x3b9d;
const M2 = 0x2f6b;
const M3 = 0x1e35;
const T2 = 0x165667b1;
const T3 = 0x21c88647;

/** The slot hash of an n-gram of two or three units (`c` is ignored for two). */
export function gramHash(n: number, a: number, b: number, c: number): number {
  const h = n === 2 ? (a * M1) ^ (b * M2) ^ T2 : (a * M1) ^ (b * M2) ^ (c * M3) ^ T3;
  return h ^ (h >>> 15);
}

/**
 * Calls `onGram(key, from, to)` for every 1-, 2- and 3-gram of the word characters in
 * units[start, end), with its exact key (`gramKey`) and its folded range [from, to).
 * Boundaries break grams; a digit run is one "0" (its range is its first digit).
 */
export function forEachGram(
  units: Uint16Array,
  start: number,
  end: number,
  onGram: (key: number, from: number, to: number) => void,
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
    onGram(gramKey(1, c, 0, 0), i, i + 1);
    if (p1 >= 0) {
      onGram(gramKey(2, p1, c, 0), at1, i + 1);
      if (p2 >= 0) onGram(gramKey(3, p2, p1, c), at2, i + 1);
    }
    p2 = p1;
    at2 = at1;
    p1 = c;
    at1 = i;
  }
}

export interface GramTable {
  /** Integer weight of each one-unit gram, by unit. */
  readonly unigrams: Int8Array;
  /** The longer grams' units by slot (`c` 0 for a 2-gram); `a` 0 marks an empty slot. */
  readonly a: Uint16Array;
  readonly b: Uint16Array;
  readonly c: Uint16Array;
  /** Their integer weights by slot. A gram's weight is its integer weight times `scale`. */
  readonly weights: Int8Array;
  /**
   * 1 on a 2-gram that begins some 3-gram of the table (added with weight 0 if it has none of its
   * own): the scan looks a 3-gram up only after such a 2-gram, which spares most of those lookups.
   */
  readonly prefix: Uint8Array;
  readonly scale: number;
}

/** An empty table with room for `count` longer grams at a load of at most 1/4 (misses, the common case, stop early). */
function emptyTable(count: number, scale: number): GramTable {
  let size = 16;
  while (size < 4 * count) size *= 2;
  return {
    unigrams: new Int8Array(65536),
    a: new Uint16Array(size),
    b: new Uint16Array(size),
    c: new Uint16Array(size),
    weights: new Int8Array(size),
    prefix: new Uint8Array(size),
    scale,
  };
}

/** The slot of a gram of two or three units (c = 0 for two): where it is, or the empty slot it would take. */
function slotOf(t: GramTable, a: number, b: number, c: number): number {
  const mask = t.a.length - 1;
  let s = gramHash(c === 0 ? 2 : 3, a, b, c) & mask;
  while (t.a[s] !== 0 && !(t.a[s] === a && t.b[s] === b && t.c[s] === c)) s = (s + 1) & mask;
  return s;
}

/** Stores a gram of two or three units (c = 0 for two) and returns its slot. */
function put(t: GramTable, a: number, b: number, c: number, q: number): number {
  const s = slotOf(t, a, b, c);
  t.a[s] = a;
  t.b[s] = b;
  t.c[s] = c;
  t.weights[s] = q;
  return s;
}

/** Marks the 2-gram (a, b) as the beginning of a 3-gram, adding it with weight 0 if needed. */
function markPrefix(t: GramTable, a: number, b: number): void {
  let s = slotOf(t, a, b, 0);
  if (t.a[s] === 0) s = put(t, a, b, 0, 0);
  t.prefix[s] = 1;
}

/** A table for n-gram strings (1 to 3 folded units, none of them U+0000) and their integer weights times `scale`. */
export function buildGramTable(grams: readonly string[], q: readonly number[], scale: number): GramTable {
  let longer = 0;
  for (const g of grams) if (g.length > 1) longer += g.length - 1;
  const t = emptyTable(longer, scale);
  grams.forEach((g, i) => {
    if (g.length === 1) t.unigrams[g.charCodeAt(0)] = q[i]!;
    else put(t, g.charCodeAt(0), g.charCodeAt(1), g.length > 2 ? g.charCodeAt(2) : 0, q[i]!);
  });
  for (const g of grams) if (g.length === 3) markPrefix(t, g.charCodeAt(0), g.charCodeAt(1));
  return t;
}

/** Integer weights run from -QMAX to QMAX. */
export const QMAX = 127;

/**
 * The packed form a wording model is shipped in (model.json): the grams concatenated without
 * separators, sorted by length and then by weight, and how many grams each (length, weight) pair
 * has, so the weights need no per-gram encoding and the table builds in one loop.
 */
export interface PackedGrams {
  /** `runs[(n - 1) * (2 * QMAX + 1) + q + QMAX]`: how many n-grams have integer weight q. */
  runs: number[];
  text: string;
  scale: number;
}

export function packGrams(grams: readonly string[], q: readonly number[], scale: number): PackedGrams {
  const order = grams.map((_g, i) => i).sort((i, j) => grams[i]!.length - grams[j]!.length || q[i]! - q[j]! || i - j);
  const runs = new Array<number>(3 * (2 * QMAX + 1)).fill(0);
  for (let i = 0; i < grams.length; i++) {
    const n = grams[i]!.length;
    if (n < 1 || n > 3 || grams[i]!.includes('\0') || !Number.isInteger(q[i]) || Math.abs(q[i]!) > QMAX) {
      throw new Error(`bad n-gram ${JSON.stringify(grams[i])} ${q[i]}`);
    }
    runs[(n - 1) * (2 * QMAX + 1) + q[i]! + QMAX]!++;
  }
  return { runs, text: order.map((i) => grams[i]).join(''), scale };
}

/** Builds the table straight from the packed strings: one loop, few calls, no intermediate arrays. */
export function unpackGrams(p: PackedGrams): GramTable {
  const runs = p.runs;
  const text = p.text;
  const per = 2 * QMAX + 1;
  let longer = 0;
  for (let r = per; r < runs.length; r++) longer += runs[r]! * (r < 2 * per ? 1 : 2);
  const t = emptyTable(longer, p.scale);
  const uni = t.unigrams;
  const ka = t.a;
  const kb = t.b;
  const kc = t.c;
  const weights = t.weights;
  const prefix = t.prefix;
  const mask = ka.length - 1;
  let at = 0;
  let r = 0;
  for (let q = -QMAX; q <= QMAX; q++) {
    for (let k = runs[r++]!; k > 0; k--) uni[text.charCodeAt(at++)] = q;
  }
  for (let q = -QMAX; q <= QMAX; q++) {
    for (let k = runs[r++]!; k > 0; k--) {
      const a = text.charCodeAt(at);
      const b = text.charCodeAt(at + 1);
      at += 2;
      const h = (a * M1) ^ (b * M2) ^ T2;
      let s = (h ^ (h >>> 15)) & mask;
      while (ka[s] !== 0) s = (s + 1) & mask; // grams are unique: no need to look for this one
      ka[s] = a;
      kb[s] = b;
      weights[s] = q;
    }
  }
  for (let q = -QMAX; q <= QMAX; q++) {
    for (let k = runs[r++]!; k > 0; k--) {
      const a = text.charCodeAt(at);
      const b = text.charCodeAt(at + 1);
      const c = text.charCodeAt(at + 2);
      at += 3;
      const ab = (a * M1) ^ (b * M2);
      let h = ab ^ (c * M3) ^ T3;
      let s = (h ^ (h >>> 15)) & mask;
      while (ka[s] !== 0) s = (s + 1) & mask;
      ka[s] = a;
      kb[s] = b;
      kc[s] = c;
      weights[s] = q;
      // Mark (a, b) as the beginning of a 3-gram, adding it with weight 0 if it is not there.
      h = ab ^ T2;
      s = (h ^ (h >>> 15)) & mask;
      while (ka[s] !== 0 && !(ka[s] === a && kb[s] === b && kc[s] === 0)) s = (s + 1) & mask;
      if (ka[s] === 0) {
        ka[s] = a;
        kb[s] = b;
      }
      prefix[s] = 1;
    }
  }
  return t;
}

/** The integer weight of a gram of two or three units (c = 0 for two), 0 when the table does not hold it. */
function longWeight(t: GramTable, a: number, b: number, c: number): number {
  const s = slotOf(t, a, b, c);
  return t.a[s] === 0 ? 0 : t.weights[s]!;
}

/** The weight of an n-gram by its exact key (`gramKey`, as `forEachGram` gives it); 0 when the table does not hold it. */
export function gramWeight(t: GramTable, key: number): number {
  if (key < 65536) return t.unigrams[key]! * t.scale;
  const g = gramOfKey(key);
  return longWeight(t, g.charCodeAt(0), g.charCodeAt(1), g.length > 2 ? g.charCodeAt(2) : 0) * t.scale;
}

/**
 * Calls `onGram(weight, from, to)` for every gram of two or three units in units[start, end) whose
 * weight has the sign of `sign` (the evidence a reason quotes), without building strings.
 */
export function forEachWeighted(
  units: Uint16Array,
  start: number,
  end: number,
  t: GramTable,
  sign: number,
  onGram: (weight: number, from: number, to: number) => void,
): void {
  const ka = t.a;
  const kb = t.b;
  const kc = t.c;
  const weights = t.weights;
  const mask = ka.length - 1;
  let p1 = -1;
  let p2 = -1;
  let at1 = 0;
  let at2 = 0;
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
    if (p1 >= 0) {
      let h = (p1 * M1) ^ (c * M2) ^ T2;
      let s = (h ^ (h >>> 15)) & mask;
      for (let k = ka[s]!; k !== 0; k = ka[s]!) {
        if (k === p1 && kb[s] === c && kc[s] === 0) {
          if (weights[s]! * sign > 0) onGram(weights[s]! * sign * t.scale, at1, i + 1);
          break;
        }
        s = (s + 1) & mask;
      }
      if (p2 >= 0) {
        h = (p2 * M1) ^ (p1 * M2) ^ (c * M3) ^ T3;
        s = (h ^ (h >>> 15)) & mask;
        for (let k = ka[s]!; k !== 0; k = ka[s]!) {
          if (k === p2 && kb[s] === p1 && kc[s] === c) {
            if (weights[s]! * sign > 0) onGram(weights[s]! * sign * t.scale, at2, i + 1);
            break;
          }
          s = (s + 1) & mask;
        }
      }
    }
    p2 = p1;
    at2 = at1;
    p1 = c;
    at1 = i;
  }
}

/** Result slots of `scoreSpan` (numbers, without allocating): the sum, its positive part, the gram count. */
export const spanScore = { sum: 0, pos: 0, count: 0 };

/**
 * Sums the table weights of every n-gram in units[start, end) into `spanScore`: the same grams as
 * `forEachGram`, in one loop without calls (the classifier's hot path). Sums integers and scales
 * once at the end, so it allocates nothing even before the JIT has seen it.
 */
export function scoreSpan(units: Uint16Array, start: number, end: number, t: GramTable): void {
  const uni = t.unigrams;
  const ka = t.a;
  const kb = t.b;
  const kc = t.c;
  const weights = t.weights;
  const prefix = t.prefix;
  const mask = ka.length - 1;
  let sum = 0;
  let pos = 0;
  let count = 0;
  let p1 = -1; // previous kept unit, -1 after a boundary
  let p2 = 0; // the one before it, 0 when absent
  let a1 = 0; // p1 times M1: its part of a 2-gram hash
  let a2 = 0; // p2 times M1 XOR p1 times M2: their part of a 3-gram hash
  let pre = 0; // whether (p2, p1) begins some 3-gram of the table
  for (let i = start; i < end; i++) {
    let c = units[i]!;
    if (c < 0x3400 || c >= 0xa000) {
      // Inline for ASCII: letters are kept, a digit run is one "0", the rest are boundaries.
      const cls = c >= 0x61 && c <= 0x7a ? 1 : c >= 0x30 && c <= 0x39 ? 2 : c < 0x80 && (c < 0x41 || c > 0x5a) ? 0 : unitClass(c);
      if (cls === 0) {
        p1 = -1;
        p2 = 0;
        pre = 0;
        continue;
      }
      if (cls === 2) {
        if (p1 === DIGIT) continue;
        c = DIGIT;
      }
    }
    const u = uni[c]!;
    sum += u;
    if (u > 0) pos += u;
    count++;
    const c1 = c * M1;
    if (p1 >= 0) {
      const c2 = c * M2;
      if (p2 !== 0) {
        count++;
        if (pre !== 0) {
          const h = a2 ^ (c * M3) ^ T3;
          let s = (h ^ (h >>> 15)) & mask;
          for (let k = ka[s]!; k !== 0; k = ka[s]!) {
            if (k === p2 && kb[s] === p1 && kc[s] === c) {
              const w = weights[s]!;
              sum += w;
              if (w > 0) pos += w;
              break;
            }
            s = (s + 1) & mask;
          }
        }
      }
      const h = a1 ^ c2 ^ T2;
      let s = (h ^ (h >>> 15)) & mask;
      pre = 0;
      for (let k = ka[s]!; k !== 0; k = ka[s]!) {
        if (k === p1 && kb[s] === c && kc[s] === 0) {
          const w = weights[s]!;
          sum += w;
          if (w > 0) pos += w;
          pre = prefix[s]!;
          break;
        }
        s = (s + 1) & mask;
      }
      count++;
      a2 = a1 ^ c2;
      p2 = p1;
    } else {
      p2 = 0;
      pre = 0;
    }
    a1 = c1;
    p1 = c;
  }
  spanScore.sum = sum * t.scale;
  spanScore.pos = pos * t.scale;
  spanScore.count = count;
}
