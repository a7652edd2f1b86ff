// Every string the popup and options pages show comes from `_locales` through `t()`. The source is
// `browser.i18n` in the extension; tests plug in the real messages.json files with `messagesFromJson`.

export type MessageSource = (key: string, subs: string[]) => string;

interface ExtensionI18n {
  getMessage(key: string, subs?: string | string[]): string;
}

function extensionI18n(): ExtensionI18n | null {
  const g = globalThis as { browser?: { i18n?: ExtensionI18n }; chrome?: { i18n?: ExtensionI18n } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

let source: MessageSource = (key, subs) => extensionI18n()?.getMessage(key, subs) ?? '';

export function setMessageSource(next: MessageSource): void {
  source = next;
}

/** The message for `key` with `$1`…`$n` filled in; the key itself when a message is missing (visible, not blank). */
export function t(key: string, ...subs: Array<string | number>): string {
  return source(key, subs.map(String)) || key;
}

/** The count form of a message: `<key>One` for exactly one (English needs it; Chinese has the same text). */
export function tn(key: string, n: number, ...more: Array<string | number>): string {
  return t(n === 1 ? `${key}One` : key, n, ...more);
}

/** BCP 47 tag of the UI language (`zh-CN`, `en`), for Intl formatting and `<html lang>`. */
export function uiLanguage(): string {
  const raw = source('@@ui_locale', []) || 'zh_CN';
  return raw.replace(/_/g, '-');
}

/** Is the UI Chinese? (Joins lists with 、 and leaves no space before brackets.) */
export function isChinese(): boolean {
  return uiLanguage().toLowerCase().startsWith('zh');
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * A message source over one parsed `messages.json`, substituting the way Chrome does: named
 * `$NAME$` placeholders first (their content is usually `$1`), then `$1`…`$9`, and `$$` for a dollar.
 */
export function messagesFromJson(json: Record<string, MessageEntry>, locale: string): MessageSource {
  return (key, subs) => {
    if (key === '@@ui_locale') return locale;
    if (key === '@@bidi_dir') return 'ltr';
    const entry = json[key];
    if (!entry) return '';
    let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const ph = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
      return ph ? ph[1].content : whole;
    });
    text = text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
    return text;
  };
}

/**
 * Splits a message around its substitutions so each can be rendered as its own node (a `<bdi>`
 * for page text), instead of gluing hostile text into one string.
 */
export function messageParts(key: string, count: number): Array<string | number> {
  const markers = Array.from({ length: count }, (_, i) => `\uE000${i}\uE001`);
  const text = t(key, ...markers);
  const out: Array<string | number> = [];
  const re = /\uE000(\d+)\uE001/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(Number(m[1]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The `_locales` key of a classifier cue's label. */
export function cueKey(cue: string): string {
  return `cue_${cue.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

/** A classifier cue's label (`cue_<id>` in `_locales`), or the cue id itself when it has none. */
export function cueLabel(cue: string): string {
  const key = cueKey(cue);
  const label = t(key);
  return label === key ? cue : label;
}
