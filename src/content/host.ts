// The extension's one element in a WeChat page: a host whose shadow root keeps our UI and the page's
// CSS and scripts apart. Page text (titles, names) only ever enters it as textContent.
import browser from 'webextension-polyfill';

export const HOST_ID = 'declutter-for-wechat';

export function t(key: string, ...subs: string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

/**
 * `top` hosts go first in the body and stick to the top, so a banner inside them pushes the article
 * down instead of covering its title; with nothing in flow (only fixed children) they take no room.
 */
export function createHost(css: string, place: 'top' | 'end' = 'end'): Host {
  document.getElementById(HOST_ID)?.remove();
  const element = document.createElement('div');
  element.id = HOST_ID;
  // `all: initial` stops page styles from leaking into the host box itself.
  element.style.cssText =
    place === 'top' ? 'all: initial; display: block; position: sticky; top: 0; z-index: 2147483647;' : 'all: initial; position: static;';
  const root = element.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  const parent = document.body ?? document.documentElement;
  if (place === 'top') parent.prepend(element);
  else parent.append(element);
  return { element, root };
}

/** Builds an element with text content and attributes; never parses markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string>; onClick?: (e: Event) => void } = {},
  ...children: Array<Node | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  if (props.onClick) node.addEventListener('click', props.onClick);
  for (const c of children) if (c) node.append(c);
  return node;
}

export const BASE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid transparent; padding: 4px 10px; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;
