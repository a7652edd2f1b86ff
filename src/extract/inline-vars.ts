// Server-filled values in inline JS (`var nickname = htmlDecode("…")`, `d.title = xml ? … : '…'`,
// `window.cgiDataNew = {…}`), read without running it; only string literals count as data.

/** Where one value may sit, and what a real one looks like. */
export interface VarSpec {
  /** Text right before the assignment, e.g. `var nickname`, `d.nick_name`, `window.biz`. */
  readonly markers: readonly string[];
  /** Top-level keys of `window.cgiDataNew` that hold the same value, e.g. `nick_name`. */
  readonly objectKeys?: readonly string[];
  /** A literal that fails this is skipped and the search goes on. */
  readonly accept?: (value: string) => boolean;
  /** The scan may stop only when every required value has been found. */
  readonly required?: boolean;
}

export type VarValues<K extends string> = Partial<Record<K, string>>;

/**
 * The page's inline script texts, smallest first. Page data sits in small scripts and the 1–2 MB
 * library bundles come last, so a scan that stops early never reads them: each script's text is read
 * from the page only when the scan reaches it (its length comes from its text nodes, without copying).
 */
export class PageScripts {
  private scripts: { el: Element; length: number; text?: string }[] | null = null;

  constructor(private readonly doc: Document) {}

  *all(): Generator<string, void, undefined> {
    this.scripts ??= this.list();
    for (const script of this.scripts) {
      script.text ??= script.el.textContent ?? '';
      yield script.text;
    }
  }

  private list(): { el: Element; length: number }[] {
    const found: { el: Element; length: number }[] = [];
    const list = this.doc.getElementsByTagName('script');
    for (let i = 0; i < list.length; i++) {
      const script = list[i];
      if (!script || script.hasAttribute('src')) continue;
      let length = 0;
      for (let c = script.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 || c.nodeType === 4) length += (c as CharacterData).length;
      if (length > 8) found.push({ el: script, length });
    }
    return found.sort((a, b) => a.length - b.length);
  }
}

const IDENT_CHAR = /[\w$]/;

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && IDENT_CHAR.test(ch);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  return i;
}

/** End index (exclusive) of the JS string literal opening at `start`, or -1. */
function literalEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  for (;;) {
    const q = text.indexOf(quote ?? '"', i);
    if (q < 0) return -1;
    const nl = text.indexOf('\n', i);
    // A raw newline ends a JS string unless escaped; treat it as broken code.
    if (nl >= 0 && nl < q && text[nl - 1] !== '\\') return -1;
    let backslashes = 0;
    for (let j = q - 1; j > start && text[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes a JS string literal's escapes (`\x26`, `\u4e2d`, `\n`, `\'`, line continuations). */
export function decodeJsString(body: string): string {
  if (body.indexOf('\\') < 0) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|\r\n|[\s\S])/g, (_m, esc: string) => {
    const head = esc[0];
    if (head === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (head === 'u' && esc.length > 1) {
      const hex = esc[1] === '{' ? esc.slice(2, -1) : esc.slice(1);
      const code = parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    if (esc === '\n' || esc === '\r' || esc === '\r\n' || esc === '\u2028' || esc === '\u2029') return '';
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

/** WeChat's `JsDecode()`: undoes a second layer of `\xNN` escaping that survives the literal. */
function jsDecode(value: string): string {
  if (value.indexOf('\\x') < 0) return value;
  return value.replace(/\\x(5c|0d|22|26|27|3c|3e|0a)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Index just past the `:` of `xml ? <then> : <else>`, skipping strings and brackets, or -1.
 * Share pages write `d.title = xml ? getXmlValue('title.DATA') : '…'`; the literal is the else branch.
 */
function ternaryElse(text: string, start: number): number {
  let depth = 0;
  let questions = 0;
  const limit = Math.min(text.length, start + 2000);
  for (let i = start; i < limit; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = literalEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (--depth < 0) return -1;
    } else if (depth === 0 && ch === '?') questions++;
    else if (depth === 0 && ch === ':' && questions > 0) {
      if (--questions === 0) return i + 1;
    } else if (depth === 0 && (ch === ';' || ch === ',')) return -1;
  }
  return -1;
}

/**
 * The value of the expression at `start` when it is built from string literals: `"x"`, `'x'`,
 * `htmlDecode("x")`, `JsDecode('x')`, `'x'.html(false)`, `"x" * 1`, `"" || "x"`, `(xml ? … : 'x')`.
 * Returns the first non-empty alternative of an `||` chain, `''` when all are empty, and null when the
 * expression is not a literal at all (an identifier, a number, a call).
 */
export function literalValueAt(text: string, start: number): string | null {
  let i = start;
  let first: string | null = null;
  for (let alternatives = 0; alternatives < 8; alternatives++) {
    i = skipSpace(text, i);
    while (text[i] === '(') i = skipSpace(text, i + 1);
    // A chained assignment (`window.msg_title = window.title = '…'`) carries the same value.
    const chained = /^[A-Za-z_$][\w$.]*\s*=(?!=)/.exec(text.slice(i, i + 80));
    if (chained) i = skipSpace(text, i + chained[0].length);
    if (text.startsWith('xml', i) && !isIdentChar(text[i + 3])) {
      const elseAt = ternaryElse(text, i);
      if (elseAt < 0) return first;
      i = skipSpace(text, elseAt);
      while (text[i] === '(') i = skipSpace(text, i + 1);
    }
    let wrapper: 'none' | 'js' = 'none';
    if (text.startsWith('htmlDecode(', i)) i = skipSpace(text, i + 11);
    else if (text.startsWith('JsDecode(', i)) {
      i = skipSpace(text, i + 9);
      wrapper = 'js';
    }
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return first;
    const end = literalEnd(text, i);
    if (end < 0) return first;
    let value = decodeJsString(text.slice(i + 1, end - 1));
    if (wrapper === 'js') value = jsDecode(value);
    if (first === null || (first === '' && value !== '')) first = value;
    if (first !== '') return first;
    i = skipSpace(text, end);
    // Trailing decoration that does not change the value.
    for (;;) {
      if (text[i] === ')') i = skipSpace(text, i + 1);
      else if (text.startsWith('.html(false)', i)) i = skipSpace(text, i + 12);
      else if (text.startsWith('.html(!1)', i)) i = skipSpace(text, i + 9);
      else if (text[i] === '*') {
        i = skipSpace(text, i + 1);
        while (/[0-9]/.test(text[i] ?? '')) i++;
        i = skipSpace(text, i);
      } else break;
    }
    if (!text.startsWith('||', i)) return first;
    i += 2;
  }
  return first;
}

/**
 * First acceptable literal assigned right after `marker` (with `=` or `:`) in `text` from `from`.
 * Empty literals count as "present but empty" and are returned only when nothing better follows.
 */
export function findAssigned(
  text: string,
  marker: string,
  from = 0,
  accept?: (value: string) => boolean,
  to = text.length,
): string | null {
  let empty: string | null = null;
  let at = text.indexOf(marker, from);
  while (at >= 0 && at < to) {
    const next = at + marker.length;
    const before = text[at - 1];
    if (!isIdentChar(text[next]) && !isIdentChar(before) && before !== '.') {
      let i = skipSpace(text, next);
      const op = text[i];
      if ((op === '=' && text[i + 1] !== '=') || op === ':') {
        i++;
        const value = literalValueAt(text, i);
        if (value !== null) {
          if (value === '') empty = '';
          else if (!accept || accept(value)) return value;
        }
      }
    }
    at = text.indexOf(marker, next);
  }
  return empty;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regex for all markers: a single pass per script costs about as much as two `indexOf` calls,
 * where one `indexOf` per marker (30+) would cost ten times more on 500 KB of small scripts.
 */
function markerPattern(markers: readonly string[]): RegExp {
  const sorted = [...markers].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(${sorted.join('|')})(?![\\w$])\\s*(?:=(?!=)|:)`, 'g');
}

/** The object 2023+ pages fill with the page's data (`window.cgiDataNew = { nick_name: …, … }`). */
export const PAGE_DATA_OBJECT = 'window.cgiDataNew';

/**
 * Reads every spec from the page's inline scripts, smallest script first, in one regex pass per
 * script. Plain assignments match `markers`; when the pass meets `window.cgiDataNew = {`, keys listed
 * in `objectKeys` are read from that object (first occurrence after its brace is the top-level entry:
 * nested ad templates such as `nick_name: '微信广告'` come later). Stops once every required value is
 * known, after finishing the script it is in.
 */
export function readInlineVars<K extends string>(scripts: PageScripts, specs: Record<K, VarSpec>): VarValues<K> {
  const keys = Object.keys(specs) as K[];
  const keyOfMarker = new Map<string, K>();
  for (const key of keys) for (const marker of specs[key].markers) keyOfMarker.set(marker, key);
  const objectKeyed = keys.filter((k) => specs[k].objectKeys?.length);
  const pattern = markerPattern([...keyOfMarker.keys(), ...(objectKeyed.length ? [PAGE_DATA_OBJECT] : [])]);
  const found: VarValues<K> = {};
  const done = new Set<K>();
  const record = (key: K, value: string): void => {
    if (value !== '') {
      found[key] = value;
      done.add(key);
    } else if (found[key] === undefined) found[key] = '';
  };
  const requiredLeft = (): boolean => keys.some((k) => specs[k].required && !done.has(k));
  let objectRead = false;
  for (const text of scripts.all()) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const before = text[match.index - 1];
      if (isIdentChar(before) || before === '.') continue;
      if (match[1] === PAGE_DATA_OBJECT) {
        const brace = skipSpace(text, pattern.lastIndex);
        if (objectRead || text[brace] !== '{') continue;
        objectRead = true;
        for (const key of objectKeyed) {
          if (done.has(key)) continue;
          for (const objectKey of specs[key].objectKeys ?? []) {
            const value = findAssigned(text, objectKey, brace + 1, specs[key].accept);
            if (value !== null) record(key, value);
            if (done.has(key)) break;
          }
        }
        continue;
      }
      const key = keyOfMarker.get(match[1] ?? '');
      if (key === undefined || done.has(key)) continue;
      const value = literalValueAt(text, pattern.lastIndex);
      if (value === null) continue;
      const accept = specs[key].accept;
      if (value !== '' && accept && !accept(value)) continue;
      record(key, value);
    }
    if (!requiredLeft()) break;
  }
  return found;
}
