// Text cleanup for the classifier: one linear pass that folds the look-alike forms promoters and
// editors use (full-width ASCII, upper case, ideographic spaces) and drops invisible characters
// (zero-width, bidi controls, variation selectors), keeping a map back to the original offsets so
// every reason can quote the article's own words. NFKC-style, but hand-rolled: String#normalize
// would lose the offset map, and a custom table stays linear on hostile input.

/** A normalised text: code units, their offsets in the original string, and the same as a string. */
export interface NormText {
  readonly original: string;
  /** Normalised code units. */
  readonly units: Uint16Array;
  /** `origin[i]` is the offset in `original` of normalised unit `i`; `origin[length]` is `original.length`. */
  readonly origin: Int32Array;
  /** `units` as a string, for regular expressions. */
  readonly text: string;
}

/** Lower case of U+00C0..U+052F (Latin-1, Latin Extended, IPA, Greek, Cyrillic), built on first use. */
let lowerTable: Uint16Array | null = null;

function lowerOf(c: number): number {
  if (lowerTable === null) {
    lowerTable = new Uint16Array(0x530 - 0xc0);
    for (let i = 0xc0; i < 0x530; i++) {
      const lower = String.fromCharCode(i).toLowerCase();
      lowerTable[i - 0xc0] = lower.length === 1 ? lower.charCodeAt(0) : i;
    }
  }
  return lowerTable[c - 0xc0]!;
}

/**
 * Maps one code unit to its normalised form: -1 drops it. Branches instead of a 65,536-entry table:
 * a content script runs this once per page in a fresh context, where building a table costs more
 * than every lookup it would save. ASCII and the CJK block take the first two exits.
 */
export function foldUnit(c: number): number {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    if (c < 0x20) return c === 0x0a ? c : c === 0x0d ? 0x0a : 0x20;
    return c;
  }
  if (c >= 0x3001 && c < 0xfe00) return c; // CJK punctuation, kana, ideographs, Hangul, private use
  return foldRare(c);
}

function foldRare(c: number): number {
  if (c < 0x530) {
    if (c === 0xa0) return 0x20;
    if (c === 0xad) return -1;
    return c < 0xc0 ? c : lowerOf(c);
  }
  if (c >= 0xff01 && c <= 0xff5e) {
    const a = c - 0xfee0;
    return a >= 0x41 && a <= 0x5a ? a + 32 : a;
  }
  if (c === 0x3000) return 0x20;
  if (c === 0xffe5) return 0xa5; // ￥ -> ¥
  // Zero-width, joiners, bidi embeddings/isolates, word joiner, BOM, Mongolian vowel separator.
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069)) return -1;
  if (c === 0xfeff || c === 0x180e || c === 0x061c) return -1;
  if (c >= 0xfe00 && c <= 0xfe0f) return -1; // variation selectors
  if (c >= 0x2000 && c <= 0x200a) return 0x20; // typographic spaces
  if (c === 0x2028 || c === 0x2029) return 0x0a;
  return c;
}

const CHUNK = 4096;

/**
 * The units as a string, same length (a lone surrogate stays a lone surrogate). String.fromCharCode
 * over chunks rather than a TextDecoder, whose construction alone costs more than a whole article
 * in a fresh context.
 */
function unitsToString(units: Uint16Array): string {
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}

/** Folds `input` (see `foldUnit`), collapses runs of spaces and of line breaks, keeping offsets into `input`. */
export function normalizeText(input: string): NormText {
  const n = input.length;
  const units = new Uint16Array(n);
  const origin = new Int32Array(n + 1);
  let len = 0;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    let c = input.charCodeAt(i);
    if ((c >= 0x3400 && c < 0xa000) || (c >= 0x61 && c <= 0x7a) || (c >= 0x21 && c <= 0x40)) {
      // Ideographs, lower-case letters, digits and ASCII punctuation (the common cases): kept as they are.
      units[len] = c;
      origin[len] = i;
      len++;
      prevSpace = false;
      continue;
    }
    c = foldUnit(c);
    if (c < 0) continue;
    if (c === 0x20) {
      if (prevSpace) continue;
      prevSpace = true;
    } else if (c === 0x0a) {
      if (len > 0 && units[len - 1] === 0x0a) continue; // blank lines (and \r\n) carry no paragraph
      prevSpace = true;
    } else {
      prevSpace = false;
    }
    units[len] = c;
    origin[len] = i;
    len++;
  }
  origin[len] = n;
  const u = units.subarray(0, len);
  return { original: input, units: u, origin: origin.subarray(0, len + 1), text: unitsToString(u) };
}

/** The original words behind normalised range [start, end), trimmed and cut to `max` characters. */
export function originalSlice(t: NormText, start: number, end: number, max = 200): string {
  const from = t.origin[start] ?? t.original.length;
  const last = end > start ? (t.origin[end - 1] ?? from) : from;
  const s = t.original.slice(from, last + 1).trim();
  return s.length > max ? s.slice(0, max) : s;
}
