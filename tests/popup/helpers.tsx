// Shared by the popup and options tests: the real _locales messages, accounts built by the real
// tally code, and rendering with Preact's act() so effects and async loads settle.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { emptyPrefs, type Prefs } from '../../src/core/prefs';
import type { AccountRecord, ArticleRecord } from '../../src/core/records';
import { countArticle, newAccount } from '../../src/core/tally';
import { messagesFromJson, setMessageSource } from '../../src/ui/i18n';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

/** The UI language the tests read in: the real messages.json, substituted the way Chrome does. */
export function useLocale(locale: 'zh_CN' | 'en'): void {
  setMessageSource(messagesFromJson(locale === 'en' ? en : zh, locale));
}

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 25, 4);

/**
 * An account whose articles follow `labels` ('p' promotional, 's' service; upper case 'P' and 'S' when
 * the article carries a pitch segment, so 'S' is a service article with ads inside), one a day up to NOW.
 */
export function account(id: string, name: string, labels: string, opts: { lastAt?: number } = {}): { acc: AccountRecord; articles: ArticleRecord[] } {
  const last = opts.lastAt ?? NOW - DAY;
  const start = last - (labels.length - 1) * DAY;
  const acc = newAccount(id, name, null, start);
  const articles: ArticleRecord[] = [];
  [...labels].forEach((c, i) => {
    const at = start + i * DAY;
    const label = c.toLowerCase() === 'p' ? 'promotional' : 'service';
    const pitch = c === c.toUpperCase();
    const key = `${id}:${i}:1`;
    countArticle(acc, key, label, at, pitch);
    articles.push({
      key,
      accountId: id,
      title: `${name} 第 ${i} 篇`,
      url: `https://mp.weixin.qq.com/s?__biz=${id}&mid=${i}&idx=1`,
      kind: 'article',
      publishedAt: at,
      firstSeenAt: at,
      lastSeenAt: at,
      visits: 1,
      model: {
        label,
        promoScore: label === 'promotional' ? 0.9 : 0.1,
        reasons: label === 'promotional' ? [{ cue: 'price', words: ['¥99'], weight: 1.1 }] : [{ cue: 'news-report', words: ['据报道'], weight: -0.6 }],
        segments: pitch ? [{ start: 9, end: 13, strength: 0.8, share: 0.31 }] : [],
        paragraphs: pitch ? 14 : 0,
      },
      userLabel: null,
    });
  });
  return { acc, articles };
}

export function seedOf(list: Array<{ acc: AccountRecord; articles: ArticleRecord[] }>, prefs: Prefs = emptyPrefs()) {
  return { accounts: list.map((x) => x.acc), articles: list.flatMap((x) => x.articles), prefs, now: NOW };
}

export async function settle(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function mount(node: ComponentChild): Promise<HTMLElement> {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(node, root);
  });
  await settle();
  return root;
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('no input');
  await act(() => {
    const input = el as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('no select');
  await act(() => {
    const select = el as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export function rows(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-testid="account-row"]')];
}

export function suggestions(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-testid="suggestion"]')];
}

export function byText(root: ParentNode, selector: string, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text);
}

/** Settles until `check` holds (storage code over fake-indexeddb takes a few macrotasks). */
export async function waitFor(check: () => boolean, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds && !check(); i++) await settle(1);
  if (!check()) throw new Error('condition never held');
}
