// A literal-phrase matcher over normalised code units: one trie walked from every position whose
// unit can start a phrase, so all cues' word lists are found in a single linear pass (a regular
// expression with hundreds of alternatives costs several times more per character in V8).
import { foldUnit } from './normalize';

export interface PhraseHit {
  /** Index of the phrase's owner (the cue's position in the list given to `buildLexicon`). */
  owner: number;
  start: number;
  end: number;
}

export interface Lexicon {
  /** Calls `onHit` for every phrase occurrence in `units` (overlaps included), in order of start. */
  scan(units: Uint16Array, onHit: (owner: number, start: number, end: number) => void): void;
}

/** Folds a phrase the same way article text is folded, so phrases can be written naturally. */
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

/** An owner whose phrase ends at a trie node, and whether the phrase must start / end on a word boundary. */
interface End {
  owner: number;
  left: boolean;
  right: boolean;
}

/**
 * Builds one trie for several owners' phrase lists. Longer phrases and shorter ones both report.
 * A phrase that starts (ends) with a Latin letter or digit only matches at a word boundary there,
 * so "sale" does not fire inside "wholesale" and "618" not inside "2618".
 */
export function buildLexicon(lists: readonly (readonly string[])[]): Lexicon {
  const canStart = new Uint8Array(65536);
  // Node n's child on unit c lives at key n * 65536 + c; `ends[n]` lists the phrases ending at n.
  const child = new Map<number, number>();
  const ends: End[][] = [[]];
  lists.forEach((phrases, owner) => {
    for (const raw of phrases) {
      const p = foldPhrase(raw);
      if (p.length === 0) continue;
      canStart[p.charCodeAt(0)] = 1;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const key = node * 65536 + p.charCodeAt(i);
        let next = child.get(key);
        if (next === undefined) {
          next = ends.length;
          ends.push([]);
          child.set(key, next);
        }
        node = next;
      }
      const left = isWordUnit(p.charCodeAt(0));
      const right = isWordUnit(p.charCodeAt(p.length - 1));
      const at = ends[node];
      if (at && !at.some((e) => e.owner === owner && e.left === left && e.right === right)) at.push({ owner, left, right });
    }
  });
  const endOwners: (readonly End[] | null)[] = ends.map((e) => (e.length > 0 ? e : null));
  // The root's children in a flat table: every scan step starts there.
  const rootChild = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) if (canStart[c]) rootChild[c] = child.get(c)!;
  return {
    scan(units, onHit) {
      const n = units.length;
      for (let i = 0; i < n; i++) {
        const first = rootChild[units[i]!]!;
        if (first === 0) continue;
        const leftOk = i === 0 || !isWordUnit(units[i - 1]!);
        let node = first;
        for (let j = i; j < n; j++) {
          if (j > i) {
            const next = child.get(node * 65536 + units[j]!);
            if (next === undefined) break;
            node = next;
          }
          const found = endOwners[node];
          if (!found) continue;
          const rightOk = j + 1 === n || !isWordUnit(units[j + 1]!);
          for (const e of found) if ((leftOk || !e.left) && (rightOk || !e.right)) onHit(e.owner, i, j + 1);
        }
      }
    },
  };
}
