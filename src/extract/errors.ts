// WeChat's error and interstitial pages served at article URLs (deleted, violation, rate limit,
// unavailable, expired link). They are never counted as articles.
import type { NotArticleReason } from '../core/article';
import { normalizeLabel } from './text';

export interface NotArticle {
  reason: NotArticleReason;
  message: string;
}

/** Checked in order: a violation notice can also say "无法查看", so the specific phrases go first. */
const PHRASES: ReadonlyArray<readonly [NotArticleReason, readonly string[]]> = [
  ['violation', ['违规', '涉嫌过度营销', '被投诉', '停止访问该网页']],
  ['deleted', ['已被发布者删除', '已被删除', '内容已删除', '该内容已删除']],
  ['rate-limited', ['验证身份', '访问过于频繁', '环境异常', '完成验证后']],
  ['expired', ['链接已过期', '已过期']],
  ['unavailable', ['暂时无法查看', '无法查看', '已停止访问', '已迁移', '帐号已冻结', '账号已冻结', '已被屏蔽', '已注销']],
];

/** Nodes that hold the message on the error templates seen so far (2018–2025). */
const MESSAGE_SELECTORS = ['.weui-msg__title', '.weui-msg__desc', '.mesg-block', '.global_error_msg', '.qrcheck_msg'];

export function classifyMessage(message: string): NotArticleReason | null {
  for (const [reason, phrases] of PHRASES) {
    for (const phrase of phrases) if (message.includes(phrase)) return reason;
  }
  return null;
}

/** The error a page's message nodes (or, failing those, its <title>) announce; DOM only. */
export function errorFromMessageNodes(doc: Document): NotArticle | null {
  const parts: string[] = [];
  const anyMessage = doc.querySelector(MESSAGE_SELECTORS.join(', '));
  for (const selector of anyMessage ? MESSAGE_SELECTORS : []) {
    const node = doc.querySelector(selector);
    const text = normalizeLabel(node?.textContent);
    if (text) parts.push(text);
  }
  const title = normalizeLabel(doc.title);
  if (parts.length === 0) {
    // The 934-byte "该内容暂时无法查看" page says it only in <title> and .mesg-block; some say only <title>.
    const reason = title ? classifyMessage(title) : null;
    return reason ? { reason, message: title } : null;
  }
  const message = parts.join(' ');
  const reason = classifyMessage(message);
  return reason ? { reason, message } : null;
}

const SCRIPT_SCAN_LIMIT = 64 * 1024;

/**
 * For pages that show their message only through `document.write` in an inline script (the 2019
 * rate-limit page writes its `.weui-msg` box that way). Used only once the page proved unreadable.
 */
export function errorFromInlineScripts(doc: Document): NotArticle | null {
  const body = doc.body;
  if (!body) return null;
  const scripts = body.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (!text || text.length > SCRIPT_SCAN_LIMIT || text.indexOf('document.write') < 0) continue;
    const titleAt = text.indexOf('weui-msg__title');
    const reasonText = titleAt >= 0 ? text.slice(titleAt, titleAt + 400) : text;
    const reason = classifyMessage(reasonText);
    if (reason) {
      const message = /weui-msg__title[^>]*>([^<]{1,100})</.exec(reasonText)?.[1];
      const desc = /weui-msg__desc[^>]*>([^<]{1,200})</.exec(text)?.[1];
      return { reason, message: normalizeLabel([message, desc].filter(Boolean).join(' ')) || reason };
    }
  }
  return null;
}
