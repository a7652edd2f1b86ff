// What a cue is: a named piece of evidence (phrases and a few linear patterns) with a prior weight.
// `detect` finds it in any text on its own (tests, tools); the classifier scans all cues at once.
import { buildLexicon, type Lexicon } from './lexicon';
import { normalizeText, originalSlice, type NormText } from './normalize';

export interface CueSpec {
  /** Kebab-case id, also the file name under `cues/`. */
  readonly id: string;
  /**
   * Prior log-odds of "promotional" when the cue is present (negative: evidence of a service article).
   * Training starts from it and pulls the learned weights towards it (a MAP prior on little data).
   */
  readonly weight: number;
  /** Literal phrases, written as in articles; matched after the same folding as the text. */
  readonly phrases: readonly string[];
  /** Phrases inside which a hit does not count (e.g. 福利 inside 福利待遇). */
  readonly except?: readonly string[];
  /** Patterns over folded text. Keep them linear: no nested or adjacent unbounded quantifiers. */
  readonly patterns?: readonly RegExp[];
}

export interface CueMatch {
  start: number;
  end: number;
}

export interface Cue extends CueSpec {
  /** The article's own words that carry this cue, in order of appearance, without repeats. */
  detect(text: string): string[];
}

/** Runs one cue's patterns over folded text, calling `onHit` for every match. */
export function scanPatterns(spec: CueSpec, t: NormText, onHit: (start: number, end: number) => void): void {
  for (const p of spec.patterns ?? []) {
    const rx = new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g');
    let m: RegExpExecArray | null;
    while ((m = rx.exec(t.text)) !== null) {
      if (m[0].length === 0) {
        rx.lastIndex++;
        continue;
      }
      onHit(m.index, m.index + m[0].length);
    }
  }
}

/** Removes hits that lie inside an `except` range; both lists sorted by start. Linear. */
export function dropExcepted(hits: CueMatch[], except: CueMatch[]): CueMatch[] {
  if (except.length === 0) return hits;
  const kept: CueMatch[] = [];
  let j = 0;
  let reach = -1; // furthest end among except ranges that start at or before the current hit
  for (const h of hits) {
    while (j < except.length && except[j]!.start <= h.start) reach = Math.max(reach, except[j++]!.end);
    if (h.end > reach) kept.push(h);
  }
  return kept;
}

/** Unique original words for a list of hits, at most `max`. */
export function wordsOf(t: NormText, hits: readonly CueMatch[], max = 8): string[] {
  const out: string[] = [];
  for (const h of hits) {
    const w = originalSlice(t, h.start, h.end);
    if (w.length > 0 && !out.includes(w)) out.push(w);
    if (out.length >= max) break;
  }
  return out;
}

export function defineCue(spec: CueSpec): Cue {
  let lexicon: Lexicon | null = null;
  return {
    ...spec,
    detect(text: string): string[] {
      lexicon ??= buildLexicon([spec.phrases, spec.except ?? []]);
      const t = normalizeText(text);
      const hits: CueMatch[] = [];
      const except: CueMatch[] = [];
      lexicon.scan(t.units, (owner, start, end) => (owner === 0 ? hits : except).push({ start, end }));
      scanPatterns(spec, t, (start, end) => hits.push({ start, end }));
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      return wordsOf(t, dropExcepted(hits, except));
    },
  };
}
