// What an mp.weixin.qq.com URL says by itself: the article's `__biz`/`mid`/`idx` (long form) or its
// `/s/<id>` short id. Page variables win over these; the URL is the fallback.

export interface ArticleUrlParts {
  biz: string | null;
  mid: string | null;
  idx: string | null;
  /** The `<id>` of `/s/<id>`. */
  shortId: string | null;
}

const EMPTY: ArticleUrlParts = { biz: null, mid: null, idx: null, shortId: null };

export function parseUrl(url: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return null;
  }
}

/** `__biz` is base64: a `+` that arrived unencoded was turned into a space by query parsing. */
export function bizParam(params: URLSearchParams): string | null {
  const biz = (params.get('__biz') ?? params.get('biz'))?.trim().replace(/ /g, '+');
  return biz && /^[A-Za-z0-9+/=_-]{4,64}$/.test(biz) ? biz : null;
}

export function articleUrlParts(url: string): ArticleUrlParts {
  const parsed = parseUrl(url.replace(/&amp;/g, '&'), 'https://mp.weixin.qq.com/');
  if (!parsed) return EMPTY;
  const short = /^\/s\/([A-Za-z0-9_-]{1,200})(?:$|[/?#])/.exec(parsed.pathname);
  const params = parsed.searchParams;
  const digits = (v: string | null): string | null => (v && /^\d{1,20}$/.test(v) ? v : null);
  return {
    biz: bizParam(params),
    mid: digits(params.get('mid') ?? params.get('appmsgid')),
    idx: digits(params.get('idx') ?? params.get('itemidx')),
    shortId: short?.[1] ?? null,
  };
}
