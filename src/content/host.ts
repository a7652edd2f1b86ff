// The extension's one element in a WeChat page: a host whose shadow root keeps our UI and the page's
// CSS and scripts apart. Page text (titles, names) only ever enters it as textContent.
import browser from 'webextension-polyfill';
import { TEST_HOOKS } from '../shared/test-hooks';

export const HOST_ID = 'declutter-for-wechat';

export function t(key: string, ...subs: string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

/**
 * The shadow root is closed to the page's scripts; the test build opens it so the end-to-end tests
 * can press the same buttons a reader does.
 */
function shadowOf(element: HTMLElement, css: string): ShadowRoot {
  const root = element.attachShadow({ mode: TEST_HOOKS ? 'open' : 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return root;
}

/**
 * The host has no box of its own (`display: contents`, last in the body): whatever it shows (fixed
 * panels, markers placed over the margin), the page can read neither its size nor a shift in its
 * own layout. `all: initial` first stops page styles from reaching the host.
 */
export function createHost(css: string): Host {
  document.getElementById(HOST_ID)?.remove();
  const element = document.createElement('div');
  element.id = HOST_ID;
  element.style.cssText = 'all: initial';
  element.style.setProperty('display', 'contents', 'important');
  const root = shadowOf(element, css);
  (document.body ?? document.documentElement).append(element);
  return { element, root };
}

/**
 * A nameless block in the article's own flow (a folded segment's one line): no id, class or
 * attribute, only an inline style that keeps page styles out, and a shadow root for its content.
 */
export function createInlineHost(css: string, before: Node): Host {
  const element = document.createElement('div');
  element.style.cssText = 'all: initial';
  element.style.setProperty('display', 'block', 'important');
  const root = shadowOf(element, css);
  before.parentNode?.insertBefore(element, before);
  return { element, root };
}

/**
 * A name for an attribute on page nodes. The page shares the DOM, so in the shipped build each page
 * gets random names no script can look up (callers use a readable one in the test build, inline in a
 * `TEST_HOOKS ?` so the readable name never reaches the shipped bundle).
 */
export function randomAttributeName(): string {
  // getRandomValues, not randomUUID: the latter exists only in secure contexts (not on http pages).
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `data-${hex.replace(/^[0-9]/, 'x')}`;
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
