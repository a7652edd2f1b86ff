// Reads an article once: folds title and body, splits the body into paragraphs and finds every
// cue in both. Shared by `classify` and by training, so the model sees exactly what runs in the page.
import type { PageCues } from '../article';
import { dropExcepted, type CueMatch } from './cue';
import { CUES } from './cues/index';
import { buildLexicon, type Lexicon } from './lexicon';
import { normalizeText, type NormText } from './normalize';
import { buildLines, buildPatterns, type LineSet, type PatternSet } from './patterns';

export interface Span {
  start: number;
  end: number;
}

export interface CueHits {
  title: CueMatch[];
  body: CueMatch[];
  /** Paragraph index of each body hit. */
  bodyParagraph: number[];
}

export interface Analysis {
  title: NormText;
  body: NormText;
  /** Non-empty paragraphs of the body, in folded offsets. */
  paragraphs: Span[];
  /** For each paragraph, its line in the original body (`body.split('\n')` index). */
  paragraphLine: Int32Array;
  /** One entry per cue, in `CUES` order. */
  hits: CueHits[];
  /** Title and body units as the wording models read them: unsubscribe footers blanked out. */
  titleGrams: Uint16Array;
  bodyGrams: Uint16Array;
  page: PageCues | undefined;
}

/** Cues whose words the wording models must not learn (see cues/unsubscribe.ts). */
const UNLEARNED = CUES.map((c) => c.id === 'unsubscribe');

function gramUnits(t: NormText, hits: readonly CueMatch[][]): Uint16Array {
  let out: Uint16Array | null = null;
  for (let c = 0; c < hits.length; c++) {
    if (!UNLEARNED[c]) continue;
    for (const h of hits[c]!) {
      out ??= Uint16Array.from(t.units);
      out.fill(0x20, h.start, h.end);
    }
  }
  return out ?? t.units;
}

let lexicon: Lexicon | null = null;
let patterns: PatternSet | null = null;
let lines: LineSet | null = null;

/** Between title and body when the patterns scan both at once: no pattern can match across it. */
const SEPARATOR = '\n\u0000\n';

/** Hits of every cue in the title and the body, each list sorted, with `except` ranges removed. */
function findCues(title: NormText, body: NormText): { title: CueMatch[][]; body: CueMatch[][] } {
  if (lexicon === null || patterns === null || lines === null) {
    const phrases: (readonly string[])[] = [];
    const regexes: (readonly RegExp[])[] = [];
    const words: (readonly string[])[] = [];
    for (const c of CUES) {
      phrases.push(c.phrases, c.except ?? []);
      regexes.push(c.patterns ?? []);
      words.push(c.lines ?? []);
    }
    lexicon = buildLexicon(phrases);
    patterns = buildPatterns(regexes);
    lines = buildLines(words);
  }
  const k = CUES.length;
  const hits: CueMatch[][] = [];
  const except: CueMatch[][] = [];
  for (let i = 0; i < 2 * k; i++) {
    hits.push([]);
    except.push([]);
  }
  // Lists 0..k-1 are the title's, k..2k-1 the body's.
  const onPhrase = (at: number) => (owner: number, start: number, end: number): void => {
    ((owner & 1) === 0 ? hits : except)[at + (owner >> 1)]!.push({ start, end });
  };
  lexicon.scan(title.units, title.text, 0, title.units.length, onPhrase(0));
  lexicon.scan(body.units, body.text, 0, body.units.length, onPhrase(k));
  lines.scan(title.text, (owner, start, end) => hits[owner]!.push({ start, end }));
  lines.scan(body.text, (owner, start, end) => hits[k + owner]!.push({ start, end }));
  const bodyAt = title.text.length + SEPARATOR.length;
  patterns.scan(title.text + SEPARATOR + body.text, (owner, start, end) => {
    if (start < bodyAt) hits[owner]!.push({ start, end });
    else hits[k + owner]!.push({ start: start - bodyAt, end: end - bodyAt });
  });
  const out: CueMatch[][] = [];
  for (let i = 0; i < 2 * k; i++) {
    const h = hits[i]!;
    if (h.length > 1) h.sort((a, b) => a.start - b.start || b.end - a.end);
    out.push(dropExcepted(h, except[i]!));
  }
  return { title: out.slice(0, k), body: out.slice(k) };
}

function splitParagraphs(t: NormText): Span[] {
  const out: Span[] = [];
  const u = t.units;
  const text = t.text;
  let start = 0;
  while (start <= u.length) {
    let stop = text.indexOf('\n', start);
    if (stop < 0) stop = u.length;
    let s = start;
    let e = stop;
    while (s < e && u[s] === 0x20) s++;
    while (e > s && u[e - 1] === 0x20) e--;
    if (e > s) out.push({ start: s, end: e });
    start = stop + 1;
  }
  return out;
}

function paragraphOf(paragraphs: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The original line of each paragraph: counts line breaks in the original text once, in order. */
function linesOf(t: NormText, paragraphs: readonly Span[]): Int32Array {
  const out = new Int32Array(paragraphs.length);
  const original = t.original;
  let line = 0;
  let at = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const to = t.origin[paragraphs[i]!.start]!;
    let nl = original.indexOf('\n', at);
    while (nl >= 0 && nl < to) {
      line++;
      nl = original.indexOf('\n', nl + 1);
    }
    at = to;
    out[i] = line;
  }
  return out;
}

export function analyze(title: string, body: string, page?: PageCues): Analysis {
  // A title is one line (split/join: no regular expression to compile on the first call).
  const t = normalizeText(title.indexOf('\n') < 0 ? title : title.split('\n').join(' '));
  const b = normalizeText(body);
  const paragraphs = splitParagraphs(b);
  const found = findCues(t, b);
  const titleHits = found.title;
  const bodyHits = found.body;
  const hits: CueHits[] = [];
  for (let i = 0; i < bodyHits.length; i++) {
    const list = bodyHits[i]!;
    const bodyParagraph: number[] = [];
    for (const h of list) bodyParagraph.push(paragraphOf(paragraphs, h.start));
    hits.push({ title: titleHits[i]!, body: list, bodyParagraph });
  }
  return { title: t, body: b, paragraphs, paragraphLine: linesOf(b, paragraphs), hits, titleGrams: gramUnits(t, titleHits), bodyGrams: gramUnits(b, bodyHits), page };
}
