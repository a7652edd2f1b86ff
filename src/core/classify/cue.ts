// What a cue is: a named piece of evidence (phrases, line words and a few linear patterns) with a prior weight.
// `detect` finds it in any text on its own (tests, tools); the classifier scans all cues at once.
import { buildLexicon, type Lexicon } from './lexicon';
import { normalizeText, originalSlice, type NormText } from './normalize';
import { buildLines, buildPatterns, type LineSet, type PatternSet } from './patterns';

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
  /**
   * Patterns over folded text. Keep them linear (no nested or adjacent unbounded quantifiers),
   * non-capturing, and without flags other than m (see patterns.ts: all cues' patterns run as one).
   */
  readonly patterns?: readonly RegExp[];
  /**
   * Words that count only when a line holds nothing else, give or take spaces, dots, bars,
   * brackets and dashes: an ad marker above or below a block, "- END -" under an article.
   */
  readonly lines?: readonly string[];
}

export interface CueMatch {
  start: number;
  end: number;
}

export interface Cue extends CueSpec {
  /** The article's own words that carry this cue, in order of appearance, without repeats. */
  detect(text: string): string[];
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
  let patterns: PatternSet | null = null;
  let lines: LineSet | null = null;
  return {
    ...spec,
    detect(text: string): string[] {
      lexicon ??= buildLexicon([spec.phrases, spec.except ?? []]);
      patterns ??= buildPatterns([spec.patterns ?? []]);
      lines ??= buildLines([spec.lines ?? []]);
      const t = normalizeText(text);
      const hits: CueMatch[] = [];
      const except: CueMatch[] = [];
      lexicon.scan(t.units, t.text, 0, t.units.length, (owner, start, end) => (owner === 0 ? hits : except).push({ start, end }));
      patterns.scan(t.text, (_owner, start, end) => hits.push({ start, end }));
      lines.scan(t.text, (_owner, start, end) => hits.push({ start, end }));
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      return wordsOf(t, dropExcepted(hits, except));
    },
  };
}
