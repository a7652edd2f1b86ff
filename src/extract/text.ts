// Turning page markup into the plain text the classifier and the corpora share: one paragraph per
// line, NFC, no invisible spacing. Works on live DOM nodes and on HTML strings found in inline JS.

/** Elements that start and end a line, as a reader sees them. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul', 'caption',
]);

/**
 * Never body text: code, players and form controls (the corpora skipped script, style and audio too).
 */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'audio', 'video', 'iframe', 'object', 'embed', 'svg',
  'canvas', 'select', 'textarea', 'button',
]);

/**
 * WeChat editor widgets (`mp-common-profile`, `mp-miniprogram`, `mpvoice`, `qqmusic`…): empty in the
 * server HTML the corpora were cut from, filled with card labels once the page's JS runs. Their text
 * is skipped so a live page reads like the raw one; the cue counter still sees the element.
 */
function isWidget(tag: string): boolean {
  return tag.startsWith('mp') && (tag.startsWith('mp-') || WIDGET_TAGS.has(tag));
}
const WIDGET_TAGS = new Set(['mpvoice', 'mpprofile', 'mpvideosnap', 'mpcps', 'mpproduct', 'mpvideo']);

const CELL_TAGS = new Set(['td', 'th']);

/**
 * Removed, as the corpora did: U+3000 and zero-width spaces. ZWJ and ZWNJ stay: the corpus keeps them
 * inside emoji sequences (🙋‍♀️).
 */
const INVISIBLE = /[\u3000\u200b\u2060\ufeff]/g;
const SPACE_RUN = /[ \t\f\v\r]+/g;

/**
 * The shape every body leaves extraction in, matched line for line against the corpus texts: NFC,
 * invisible spacing removed, NBSP read as a space (the corpus has "加载 - Chrome" for
 * `加载&nbsp;- Chrome`), runs of spaces collapsed, lines trimmed, blank lines dropped.
 */
export function normalizeText(text: string): string {
  const cleaned = text.normalize('NFC').replace(INVISIBLE, '').replace(/\u00a0/g, ' ').replace(SPACE_RUN, ' ');
  const lines = cleaned.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed) kept.push(trimmed);
  }
  return kept.join('\n');
}

/**
 * A single-line label (title, account name): a run of whitespace with a line break, tab or other
 * kind of space in it (markup indentation, a wrapped heading) becomes one space; plain spaces the
 * author typed are kept as typed ("滋养  KY" stays so, as WeChat's own title field has it).
 */
export function normalizeLabel(text: string | null | undefined): string {
  if (!text) return '';
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s*[^\S ]\s*/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', yen: '¥', middot: '·', hellip: '…',
  mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', times: '×', copy: '©',
  reg: '®', emsp: '\u2003', ensp: '\u2002', thinsp: '\u2009', laquo: '«', raquo: '»', bull: '•',
};

/** Decodes the HTML entities WeChat's server writes into inline JS strings and attribute-like text. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Text of an HTML fragment held in a JS string (share-page `content_noencode`, `document.write`
 * payloads). Parsed with string operations, not innerHTML: a detached element of the page's document
 * would still fetch every `<img>` it contains.
 */
export function htmlFragmentToText(html: string): string {
  const withBreaks = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|section|li|h[1-6]|blockquote|tr|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return normalizeText(decodeEntities(withBreaks));
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** HTML documents report lower-case local names in browsers and in linkedom alike. */
function tagOf(node: Node): string {
  return (node as Element).localName ?? '';
}

/**
 * Inline scripts inside an article body that write its text at parse time (2018 image shares use
 * `document.write("…")`, 2019 video shares set `innerHTML = "…"`). In a live page that text is already
 * in the DOM beside the script, so the script is only read when its parent holds no other text.
 */
export type ScriptTextReader = (scriptSource: string) => string | null;

export interface BlockTextOptions {
  readScript?: ScriptTextReader;
  /** Sees every element the walk enters (cue counting rides on the same traversal). */
  onElement?: (el: Element, tag: string) => void;
  /** Filled on the same walk with where each line of the returned text came from. */
  sources?: LineSources;
}

/**
 * The DOM origin of each line of a walked text, so the page can find the paragraphs behind body
 * line `i` (pitch segments are ranges of line indices): `first[i]` and `last[i]` are the first and
 * last node whose text the line holds (text nodes, or the script that wrote the line). Both arrays
 * are as long as the text has lines; they are left empty if the two ever disagree.
 */
export interface LineSources {
  first: Node[];
  last: Node[];
}

/** Whether a raw line survives `normalizeText` (it drops lines of only spaces and invisibles). */
const VISIBLE_CHAR = /[^\s\u200b\u2060]/;

const HTML_SPACE_RUN = /[ \t\n\r\f]+/g;
const BLANK = /^[ \t\n\r\f\u00a0\u3000]*$/;
/** A run of plain spaces between inline tags is a word gap the author typed; keep it. */
const SPACES_ONLY = /^[ \t]+$/;

/**
 * Visible-in-principle text of `root`, one block per line. Walks the tree by hand: `innerText`
 * depends on layout, and the raw page keeps `#js_content` hidden until its JS runs.
 *
 * Adjacent text nodes are handled as one run (parsers differ: linkedom splits a text node at every
 * entity, a browser does not). A run that is only whitespace is dropped, as the corpora's extraction
 * did: between inline tags it is source indentation or a lone `&nbsp;`, and a space there would split
 * CJK words. Whitespace inside a run is kept and collapsed to one space.
 */
export function blockText(root: Element, options: BlockTextOptions = {}): string {
  const { readScript, onElement, sources } = options;
  const lines: string[] = [];
  // The first and last node behind each raw line, and behind the current line and run.
  const firsts: Array<Node | null> = [];
  const lasts: Array<Node | null> = [];
  let lineFirst: Node | null = null;
  let lineLast: Node | null = null;
  let runFirst: Node | null = null;
  let runLast: Node | null = null;
  let current = '';
  let run = '';
  let preDepth = 0;
  const flushRun = (): void => {
    if (run) {
      if (!BLANK.test(run) || SPACES_ONLY.test(run)) {
        current += run;
        if (lineFirst === null) lineFirst = runFirst;
        lineLast = runLast;
      }
      run = '';
    }
    runFirst = null;
  };
  // Source newlines are spaces outside <pre>; collapsing once per line beats once per text node.
  const breakLine = (): void => {
    flushRun();
    if (current) {
      lines.push(preDepth > 0 ? current : current.replace(HTML_SPACE_RUN, ' '));
      firsts.push(lineFirst);
      lasts.push(lineLast);
      current = '';
    }
    lineFirst = null;
    lineLast = null;
  };
  const isBlock = (tag: string): boolean => BLOCK_TAGS.has(tag) || (preDepth > 0 && tag === 'code');
  // Tags of the elements the walk is inside, so leaving one needs no second DOM read.
  const open: string[] = [];
  const leave = (tag: string): void => {
    flushRun();
    if (isBlock(tag)) breakLine();
    else if (CELL_TAGS.has(tag)) current += ' ';
    if (tag === 'pre') preDepth = Math.max(0, preDepth - 1);
  };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_NODE) {
      const data = (node as CharacterData).data;
      if (preDepth === 0) {
        run += data;
        if (runFirst === null) runFirst = node;
        runLast = node;
      } else if (data.indexOf('\n') < 0) {
        current += data;
        if (lineFirst === null) lineFirst = node;
        lineLast = node;
      } else {
        const parts = data.split('\n');
        for (let i = 0; i < parts.length; i++) {
          if (i > 0) breakLine();
          current += parts[i] ?? '';
          if (lineFirst === null) lineFirst = node;
          lineLast = node;
        }
      }
    } else if (type === ELEMENT_NODE) {
      flushRun();
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'br') {
        breakLine();
      } else if (tag === 'script') {
        if (readScript && !hasOwnText(el.parentNode)) {
          const written = readScript(el.textContent ?? '');
          if (written) {
            breakLine();
            lines.push(written);
            firsts.push(el);
            lasts.push(el);
          }
        }
      } else if (tag === 'qqmusic' || isWidget(tag)) {
        onElement?.(el, tag);
      } else if (!SKIP_TAGS.has(tag)) {
        onElement?.(el, tag);
        if (isBlock(tag)) breakLine();
        if (tag === 'pre') preDepth++;
        if (el.firstChild) {
          descend = true;
          open.push(tag);
        } else leave(tag);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a node with a next sibling, closing every element left on the way.
    let next: Node | null = node.nextSibling;
    while (!next) {
      node = node.parentNode;
      if (!node || node === root) break;
      leave(open.pop() ?? '');
      next = node.nextSibling;
    }
    node = next;
  }
  breakLine();
  const text = normalizeText(lines.join('\n'));
  if (sources) keptSources(lines, firsts, lasts, text, sources);
  return text;
}

/**
 * Keeps the origins of the raw lines that survive normalisation (it drops blank ones), so they line
 * up with the text's lines; on any disagreement it records nothing rather than something wrong.
 */
function keptSources(lines: string[], firsts: Array<Node | null>, lasts: Array<Node | null>, text: string, out: LineSources): void {
  const first: Node[] = [];
  const last: Node[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const a = firsts[i];
    const b = lasts[i];
    // Only a line a script wrote can hold several.
    const parts = line.indexOf('\n') < 0 ? [line] : line.split('\n');
    for (const part of parts) {
      if (!VISIBLE_CHAR.test(part)) continue;
      if (!a || !b) return;
      first.push(a);
      last.push(b);
    }
  }
  let count = text ? 1 : 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  if (first.length !== count) return;
  out.first = first;
  out.last = last;
}

/** Whether `parent` has text outside its scripts, i.e. a script's output is already in the DOM. */
function hasOwnText(parent: Node | null): boolean {
  if (!parent) return false;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      if ((child as CharacterData).data.trim()) return true;
    } else if (child.nodeType === ELEMENT_NODE && tagOf(child) !== 'script') {
      if ((child.textContent ?? '').trim()) return true;
    }
  }
  return false;
}
