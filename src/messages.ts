// Every message between the extension's parts: one zod union of requests, each tied to the schema of
// its reply. The service worker validates what it receives; nothing unchecked reaches storage.
import { Label } from './core/article';
import { MuteDurationSchema, Settings } from './core/prefs';
import { Observation } from './core/records';
import { ExportFile } from './core/transfer';
import { UndoRecord } from './core/undo';
import { z } from './core/zod';

const AccountId = z.string().check(z.minLength(1), z.maxLength(300));
const Name = z.string().check(z.maxLength(20000));
const ArticleKey = z.string().check(z.minLength(1), z.maxLength(500));
const TabId = z.int().check(z.gte(0));

export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('article/observed'), observation: Observation }),
  z.object({ type: z.literal('article/correct'), key: ArticleKey, label: z.nullable(Label) }),
  /** The popup, after the label of the article a tab shows changed: the tab's toolbar icon follows. */
  z.object({ type: z.literal('toolbar/show'), tabId: TabId, key: ArticleKey }),
  z.object({ type: z.literal('account/mute'), accountId: AccountId, name: Name, duration: MuteDurationSchema }),
  z.object({ type: z.literal('account/unmute'), accountId: AccountId }),
  z.object({ type: z.literal('account/pin'), accountId: AccountId, name: Name, pinned: z.boolean() }),
  z.object({ type: z.literal('account/unfollowed'), accountId: AccountId, name: Name, done: z.boolean() }),
  z.object({ type: z.literal('suggestion/dismiss'), accountId: AccountId }),
  z.object({ type: z.literal('settings/update'), settings: z.partial(Settings) }),
  z.object({ type: z.literal('undo') }),
  z.object({ type: z.literal('data/export') }),
  z.object({ type: z.literal('data/import'), text: z.string().check(z.maxLength(64 * 1024 * 1024)) }),
  z.object({ type: z.literal('data/delete-all'), confirm: z.literal(true) }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/**
 * Content scripts run inside hostile pages: they may only report what they observed, unmute from
 * the banner the reader clicked, and change how pitch segments show from the marker's own toggle
 * (`settings/update` carrying that one setting and nothing else).
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['article/observed', 'account/unmute', 'settings/update']);
const CONTENT_SCRIPT_SETTINGS: ReadonlySet<string> = new Set(['pitchDisplay']);

function allowedFromContentScript(request: Request): boolean {
  if (!CONTENT_SCRIPT_REQUESTS.has(request.type)) return false;
  if (request.type !== 'settings/update') return true;
  const keys = Object.keys(request.settings);
  return keys.length > 0 && keys.every((k) => CONTENT_SCRIPT_SETTINGS.has(k));
}

export const ErrorReply = z.object({ ok: z.literal(false), error: z.string(), detail: z.optional(z.string()) });
export type ErrorReply = z.infer<typeof ErrorReply>;

export { UndoRecord };

const Ok = z.object({ ok: z.literal(true) });
const WithUndo = z.extend(Ok, { undo: z.nullable(UndoRecord) });

export const Replies = {
  'article/observed': z.extend(Ok, { accountId: z.string(), counted: z.boolean(), label: Label, muted: z.boolean() }),
  'article/correct': WithUndo,
  'toolbar/show': z.extend(Ok, { shown: z.boolean() }),
  'account/mute': WithUndo,
  'account/unmute': WithUndo,
  'account/pin': WithUndo,
  'account/unfollowed': WithUndo,
  'suggestion/dismiss': WithUndo,
  'settings/update': Ok,
  undo: z.extend(Ok, { undone: z.nullable(UndoRecord) }),
  'data/export': z.extend(Ok, { file: ExportFile }),
  'data/import': z.extend(Ok, { accountsAdded: z.number(), articlesAdded: z.number(), correctionsAdded: z.number() }),
  'data/delete-all': Ok,
} satisfies Record<RequestType, z.ZodMiniType>;

export type ReplyOf<T extends RequestType> = z.infer<(typeof Replies)[T]>;
export type Reply<T extends RequestType> = ReplyOf<T> | ErrorReply;

/**
 * What an extension page may ask the article content script of a tab (`tabs.sendMessage`): which
 * article it shows. The page's own scripts cannot send it; the content script checks it all the same.
 */
export const PageQuery = z.object({ type: z.literal('page/article') });
export type PageQuery = z.infer<typeof PageQuery>;
/** The content script's answer: the article's key, or null on a page it could not read as an article. */
export const PageArticle = z.object({ key: z.nullable(ArticleKey) });
export type PageArticle = z.infer<typeof PageArticle>;

export type ParsedRequest = { ok: true; request: Request } | { ok: false; reply: ErrorReply };

/** Checks a received message: unknown types, wrong shapes and disallowed senders get an error reply. */
export function parseRequest(raw: unknown, fromContentScript: boolean): ParsedRequest {
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reply: { ok: false, error: 'bad-request', detail: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : undefined } };
  }
  if (fromContentScript && !allowedFromContentScript(parsed.data)) {
    return { ok: false, reply: { ok: false, error: 'forbidden', detail: `${parsed.data.type} is not allowed from a page` } };
  }
  return { ok: true, request: parsed.data };
}

/** Checks a reply against the schema of its request, so callers get typed data or a clear error. */
export function parseReply<T extends RequestType>(type: T, raw: unknown): Reply<T> {
  const err = ErrorReply.safeParse(raw);
  if (err.success) return err.data;
  const parsed = Replies[type].safeParse(raw);
  if (parsed.success) return parsed.data as ReplyOf<T>;
  return { ok: false, error: 'bad-reply', detail: raw === undefined ? 'no reply (is the service worker running?)' : parsed.error.issues[0]?.message };
}
