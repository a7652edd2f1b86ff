// Entry point of the extraction layer: Document + URL → Article, or the reason the page is not one.
// Pure and total: it reads the DOM it is given and never throws.
import type { ExtractResult } from '../core/article';
import { readArticle } from './article';
import { errorFromInlineScripts, errorFromMessageNodes } from './errors';

export { findListItems, listKind, type ListItem, type ListKind } from './listing';

export function extractArticle(doc: Document, url: string): ExtractResult {
  try {
    // Error templates have no article shell, so pages with one skip the error checks (and their
    // document-wide queries): an article titled "链接已过期怎么办" stays an article.
    const shell = doc.getElementById('js_content') ?? doc.getElementById('js_article');
    const error = shell ? null : errorFromMessageNodes(doc);
    if (error) return { ok: false, ...error };

    const { article, readable } = readArticle(doc, url);
    if (readable) return { ok: true, article };

    const scripted = errorFromInlineScripts(doc);
    if (scripted) return { ok: false, ...scripted };
    const missing = !article.key ? 'no article id' : 'no account name or title';
    return { ok: false, reason: 'unreadable', message: `Not a readable article page (${missing}).` };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, reason: 'unreadable', message: `Extraction failed: ${detail}`.slice(0, 300) };
  }
}
