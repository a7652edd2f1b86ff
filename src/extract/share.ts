// Share pages at article URLs (item_show_type 8 image, 10 text): caption from `cgiDataNew.content_noencode`
// or the rendered `#js_text_desc`; title and body split as the corpus did.
import { blockText, htmlFragmentToText, normalizeLabel } from './text';

/** What the page data says about a share (from `window.cgiDataNew` or the `d.*` vars). */
export interface ShareData {
  /** `content_noencode`: the caption or message as HTML. */
  content?: string;
  desc?: string;
  /** The share's title var; for a text share WeChat repeats the whole message there. */
  title?: string;
}

export interface ShareText {
  /** The title a reader sees: the share's own title, or the first line of a title-less text share. */
  title: string;
  body: string;
}

/**
 * Text share: the message is the content. A share with a title of its own keeps it and the whole
 * message is the body; otherwise WeChat shows the message's first line as the title (its title var
 * repeats the message), and the body is the rest, or the whole message when it is one line (the
 * corpus's convention).
 */
export function textShare(doc: Document, data: ShareData): ShareText {
  const rendered = doc.getElementById('js_text_desc');
  let text = data.content ? htmlFragmentToText(data.content) : '';
  if (!text && rendered) text = blockText(rendered);
  if (!text && data.desc) text = htmlFragmentToText(data.desc);
  if (!text && data.title) text = htmlFragmentToText(data.title);
  const lines = text.split('\n');
  const firstLine = lines[0] ?? '';
  const ownTitle =
    normalizeLabel(doc.getElementById('js_text_title')?.textContent) ||
    normalizeLabel(htmlFragmentToText(data.title ?? '').split('\n')[0]);
  if (ownTitle && ownTitle !== firstLine) return { title: ownTitle, body: text };
  const title = shortTitle(firstLine);
  const rest = lines.slice(1).join('\n');
  return { title, body: rest && title === firstLine ? rest : text };
}

/** Image share: the caption is the body; the share has a real title. */
export function imageShareBody(doc: Document, data: ShareData): string {
  if (data.content) {
    const text = htmlFragmentToText(data.content);
    if (text) return text;
  }
  const rendered = doc.getElementById('js_text_desc') ?? doc.querySelector('.share_notice');
  const text = rendered ? blockText(rendered) : '';
  if (text) return text;
  return data.desc ? htmlFragmentToText(data.desc) : '';
}

function shortTitle(line: string): string {
  const chars = Array.from(line);
  return chars.length > 60 ? chars.slice(0, 60).join('') : line;
}
