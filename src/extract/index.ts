// Entry point of the extraction layer: Document + URL → Article, or the reason the page is not one.
// Pure and total: it reads the DOM it is given and never throws.
import type { Article, ExtractResult } from '../core/article';
import { readArticle } from './article';
import { errorFromInlineScripts, errorFromMessageNodes } from './errors';
import type { BodyLines } from './share';

export type { BodyLines } from './share';

export { findListItems, listKind, type ListItem, type ListKind } from './listing';

/** An article and where its body's lines sit in the page (see BodyLines), or why it is not one. */
export type ArticleExtraction = { ok: true; article: Article; lines: BodyLines | null } | Extract<ExtractResult, { ok: false }>;

export function extractArticle(doc: Document, url: string): ArticleExtraction {
  try {
    // Error templates have no article shell, so pages with one skip the error checks (and their
    // document-wide queries): an article titled "链接已过期怎么办" stays an article.
    const shell = doc.getElementById('js_content') ?? doc.getElementById('js_article');
    const error = shell ? null : errorFromMessageNodes(doc);
    if (error) return { ok: false, ...error };

    const { article, readable, lines } = readArticle(doc, url);
    if (readable) return { ok: true, article, lines };

    const scripted = errorFromInlineScripts(doc);
    if (scripted) return { ok: false, ...scripted };
    const missing = !article.key ? 'no article id' : 'no account name or title';
    return { ok: false, reason: 'unreadable', message: `Not a readable article page (${missing}).` };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, reason: 'unreadable', message: `Extraction failed: ${detail}`.slice(0, 300) };
  }
}
