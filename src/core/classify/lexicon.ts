// A literal-phrase matcher over normalised code units: the phrases are indexed by their first
// unit, so one pass over the text finds every cue's words (a regular expression with hundreds of
// alternatives costs several times more per character in V8). Each candidate is checked on its
// second unit before anything else, so most positions cost two array reads.
//
// The content script builds this once per page in a fresh JS context, where every loop runs
// interpreted: building is one short loop over the phrases (no trie, no folding), and a scan
// allocates nothing.
import { foldUnit } from './normalize';

export interface PhraseHit {
  /** Index of the phrase's owner (the cue's position in the list given to `buildLexicon`). */
  owner: number;
  start: number;
  end: number;
}

export interface Lexicon {
  /**
   * Calls `onHit` for every phrase occurrence in units[from, to) (overlaps included), in order of
   * start. `text` is `units` as a string.
   */
  scan(units: Uint16Array, text: string, from: number, to: number, onHit: (owner: number, start: number, end: number) => void): void;
}

/** Folds a phrase the same way article text is folded. Phrases must be written folded (a test checks). */
export function foldPhrase(phrase: string): string {
  let out = '';
  for (let i = 0; i < phrase.length; i++) {
    const c = foldUnit(phrase.charCodeAt(i));
    if (c >= 0) out += String.fromCharCode(c);
  }
  return out;
}

function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Flags of a phrase: it must start (LEFT) / end (RIGHT) on a word boundary. */
const LEFT = 1;
const RIGHT = 2;

/**
 * Builds the matcher for several owners' phrase lists (written folded). Longer phrases and shorter
 * ones both report. A phrase that starts (ends) with a Latin letter or digit only matches at a
 * word boundary there, so "sale" does not fire inside "wholesale" and "618" not inside "2618".
 */
/** Bucket of a phrase by its first two units (0 as the second for a one-unit phrase). */
function bucketOf(a: number, b: number, mask: number): number {
  const h = (a * 0x3b9d) ^ (b * 0x2f6b);
  return (h ^ (h >>> 11)) & mask;
}

export function buildLexicon(lists: readonly (readonly string[])[]): Lexicon {
  let n = 0;
  for (let o = 0; o < lists.length; o++) n += lists[o]!.length;
  let buckets = 64;
  while (buckets < 2 * n) buckets *= 2;
  const mask = buckets - 1;
  // STARTS bit 1: a longer phrase starts with this unit; bit 2: it is a one-unit phrase.
  const starts = new Uint8Array(65536);
  // Phrases by their first two units: a chain through `next`, headed at `head[bucket]` (0 = none).
  // Ids are given from the last phrase down, so each chain lists its phrases in the order given.
  const head = new Int32Array(buckets);
  const next = new Int32Array(n + 1);
  const first = new Int32Array(n + 1);
  const second = new Int32Array(n + 1); // 0 for one-unit phrases
  const length = new Int32Array(n + 1);
  const flags = new Uint8Array(n + 1);
  const owner = new Int32Array(n + 1);
  const phrases = new Array<string>(n + 1);
  let id = n;
  for (let o = lists.length - 1; o >= 0; o--) {
    const list = lists[o]!;
    for (let j = list.length - 1; j >= 0; j--) {
      const p = list[j]!;
      const len = p.length;
      if (len === 0) continue;
      const a = p.charCodeAt(0);
      const b = len > 1 ? p.charCodeAt(1) : 0;
      phrases[id] = p;
      first[id] = a;
      second[id] = b;
      length[id] = len;
      flags[id] = (isWordUnit(a) ? LEFT : 0) | (isWordUnit(p.charCodeAt(len - 1)) ? RIGHT : 0);
      owner[id] = o;
      starts[a]! |= len > 1 ? 1 : 2;
      const k = bucketOf(a, b, mask);
      next[id] = head[k]!;
      head[k] = id;
      id--;
    }
  }
  return {
    scan(units, text, from, to, onHit) {
      const size = units.length;
      for (let i = from; i < to; i++) {
        const a = units[i]!;
        const kinds = starts[a]!;
        if (kinds === 0) continue;
        // One-unit phrases (kinds & 2), then the phrases that begin with this unit and the next.
        for (let pass = kinds & 2 ? 0 : 1; pass < 2; pass++) {
          let b = 0;
          if (pass === 1) {
            if (i + 1 >= to || (kinds & 1) === 0) break;
            b = units[i + 1]!;
          }
          const h = (a * 0x3b9d) ^ (b * 0x2f6b);
          for (let id = head[(h ^ (h >>> 11)) & mask]!; id !== 0; id = next[id]!) {
            if (first[id] !== a || second[id] !== b) continue;
            const len = length[id]!;
            const stop = i + len;
            if (stop > to || (len > 2 && !text.startsWith(phrases[id]!, i))) continue;
            const f = flags[id]!;
            if (f !== 0) {
              if ((f & LEFT) !== 0 && i > 0 && isWordUnit(units[i - 1]!)) continue;
              if ((f & RIGHT) !== 0 && stop < size && isWordUnit(units[stop]!)) continue;
            }
            onHit(owner[id]!, i, stop);
          }
        }
      }
    },
  };
}
