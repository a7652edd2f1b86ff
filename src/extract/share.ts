// Share pages at article URLs (item_show_type 8 image, 10 text): caption from `cgiDataNew.content_noencode`
// or the rendered `#js_text_desc`; title and body split as the corpus did.
import { blockText, htmlFragmentToText, normalizeLabel, type LineSources } from './text';

/** What the page data says about a share (from `window.cgiDataNew` or the `d.*` vars). */
export interface ShareData {
  /** `content_noencode`: the caption or message as HTML. */
  content?: string;
  desc?: string;
  /** The share's title var; for a text share WeChat repeats the whole message there. */
  title?: string;
}

/** Where each line of a body sits in the page, inside `root` (see LineSources). */
export interface BodyLines extends LineSources {
  root: Element;
}

export interface ShareText {
  /** The title a reader sees: the share's own title, or the first line of a title-less text share. */
  title: string;
  body: string;
  /** The body's lines in the page, when the page shows the same text in its DOM. */
  lines: BodyLines | null;
}

/**
 * The text an element shows, with its lines' origins when it is the same text as `expected` (the
 * caption as read from inline JS). The page's own script renders the caption there (WeChat writes
 * the message with `<br>` for each line break); before it has run, or if it shows something else,
 * the lines have no place in the page.
 */
function shownText(el: Element | null, expected: string): { text: string; lines: BodyLines | null } {
  if (!el?.firstChild) return { text: '', lines: null };
  const sources: LineSources = { first: [], last: [] };
  const text = blockText(el, { sources });
  const lines = text && (!expected || text === expected) && sources.first.length ? { root: el, ...sources } : null;
  return { text, lines };
}

/** Lines `from…` of a body's origins, for a body that drops the message's first line. */
function dropFirst(lines: BodyLines | null): BodyLines | null {
  return lines && { root: lines.root, first: lines.first.slice(1), last: lines.last.slice(1) };
}

/**
 * Text share: the message is the content. A share with a title of its own keeps it and the whole
 * message is the body; otherwise WeChat shows the message's first line as the title (its title var
 * repeats the message), and the body is the rest, or the whole message when it is one line (the
 * corpus's convention).
 */
export function textShare(doc: Document, data: ShareData): ShareText {
  let text = data.content ? htmlFragmentToText(data.content) : '';
  const shown = shownText(doc.getElementById('js_text_desc'), text);
  if (!text) text = shown.text;
  let lines = shown.lines;
  if (!text && data.desc) text = htmlFragmentToText(data.desc);
  if (!text && data.title) text = htmlFragmentToText(data.title);
  const split = text.split('\n');
  const firstLine = split[0] ?? '';
  const ownTitle =
    normalizeLabel(doc.getElementById('js_text_title')?.textContent) ||
    normalizeLabel(htmlFragmentToText(data.title ?? '').split('\n')[0]);
  if (ownTitle && ownTitle !== firstLine) return { title: ownTitle, body: text, lines };
  const title = shortTitle(firstLine);
  const rest = split.slice(1).join('\n');
  if (rest && title === firstLine) return { title, body: rest, lines: dropFirst(lines) };
  return { title, body: text, lines };
}

/** Image share: the caption is the body; the share has a real title. */
export function imageShareBody(doc: Document, data: ShareData): { body: string; lines: BodyLines | null } {
  if (data.content) {
    const text = htmlFragmentToText(data.content);
    if (text) {
      // Where the page's script shows the caption (its own id since 2023, the text share's before).
      const shownAt = doc.getElementById('js_image_desc') ?? doc.getElementById('js_text_desc') ?? doc.querySelector('.share_notice');
      return { body: text, lines: shownText(shownAt, text).lines };
    }
  }
  const rendered = doc.getElementById('js_text_desc') ?? doc.querySelector('.share_notice');
  const shown = shownText(rendered, '');
  if (shown.text) return { body: shown.text, lines: shown.lines };
  return { body: data.desc ? htmlFragmentToText(data.desc) : '', lines: null };
}

function shortTitle(line: string): string {
  const chars = Array.from(line);
  return chars.length > 60 ? chars.slice(0, 60).join('') : line;
}
