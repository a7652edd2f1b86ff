// Reads an article once: folds title and body, splits the body into paragraphs and finds every
// cue in both. Shared by `classify` and by training, so the model sees exactly what runs in the page.
import type { PageCues } from '../article';
import { dropExcepted, type CueMatch } from './cue';
import { CUES } from './cues/index';
import { buildLexicon, type Lexicon } from './lexicon';
import { normalizeText, type NormText } from './normalize';

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
  hits.forEach((list, c) => {
    if (!UNLEARNED[c]) return;
    for (const h of list) {
      out ??= Uint16Array.from(t.units);
      out.fill(0x20, h.start, h.end);
    }
  });
  return out ?? t.units;
}

let lexicon: Lexicon | null = null;
let patterns: RegExp[][] | null = null;

function compiled(): { lexicon: Lexicon; patterns: RegExp[][] } {
  lexicon ??= buildLexicon(CUES.flatMap((c) => [c.phrases, c.except ?? []]));
  patterns ??= CUES.map((c) =>
    (c.patterns ?? []).map((p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g')),
  );
  return { lexicon, patterns };
}

/** Hits of every cue in one folded text, sorted, with `except` ranges removed. */
function findCues(t: NormText): CueMatch[][] {
  const { lexicon: lex, patterns: pats } = compiled();
  const hits: CueMatch[][] = CUES.map(() => []);
  const except: CueMatch[][] = CUES.map(() => []);
  lex.scan(t.units, (owner, start, end) => {
    const list = (owner & 1) === 0 ? hits[owner >> 1] : except[owner >> 1];
    list?.push({ start, end });
  });
  pats.forEach((list, i) => {
    for (const rx of list) {
      rx.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rx.exec(t.text)) !== null) {
        if (m[0].length === 0) {
          rx.lastIndex++;
          continue;
        }
        hits[i]!.push({ start: m.index, end: m.index + m[0].length });
      }
    }
  });
  return hits.map((h, i) => {
    if (h.length > 1) h.sort((a, b) => a.start - b.start || b.end - a.end);
    return dropExcepted(h, except[i]!);
  });
}

function splitParagraphs(t: NormText): Span[] {
  const out: Span[] = [];
  const u = t.units;
  let start = 0;
  for (let i = 0; i <= u.length; i++) {
    if (i === u.length || u[i] === 0x0a) {
      let s = start;
      let e = i;
      while (s < e && u[s] === 0x20) s++;
      while (e > s && u[e - 1] === 0x20) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
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

export function analyze(title: string, body: string, page?: PageCues): Analysis {
  const t = normalizeText(title.replace(/\n/g, ' '));
  const b = normalizeText(body);
  const paragraphs = splitParagraphs(b);
  const titleHits = findCues(t);
  const bodyHits = findCues(b);
  const hits = CUES.map((_, i) => {
    const body = bodyHits[i]!;
    return { title: titleHits[i]!, body, bodyParagraph: body.map((h) => paragraphOf(paragraphs, h.start)) };
  });
  return { title: t, body: b, paragraphs, hits, titleGrams: gramUnits(t, titleHits), bodyGrams: gramUnits(b, bodyHits), page };
}
