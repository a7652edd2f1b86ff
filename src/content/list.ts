// Content script for list pages (albums, account homepages, Sogou WeChat search): items of muted
// accounts collapse behind a count with a toggle, including items the page loads later on scroll.
import browser from 'webextension-polyfill';
import { isMuted, mutedNames, type Prefs } from '../core/prefs';
import { findListItems, listKind, type ListItem } from '../extract/listing';
import { readPrefs } from '../storage/prefs-store';
import { hook, TEST_HOOKS } from '../shared/test-hooks';
import { BASE_CSS, createHost, el, randomAttributeName, t } from './host';

/**
 * The attributes that hide items and show them again. The page shares this DOM: in the shipped build
 * their names are random per page, so its scripts cannot look up which accounts the reader muted by a
 * known name; the test build uses readable names the tests query.
 */
const HIDDEN_ATTR = TEST_HOOKS ? 'data-declutter-hidden' : randomAttributeName();
const SHOW_ATTR = TEST_HOOKS ? 'data-declutter-show-hidden' : randomAttributeName();
const CSS = `${BASE_CSS}
.bar { position: fixed; left: 16px; bottom: 16px; z-index: 2147483646; background: #fff; color: #333; border: 1px solid #ddd; border-radius: 18px; box-shadow: 0 2px 8px rgba(0,0,0,.12); padding: 6px 8px 6px 14px; display: flex; gap: 8px; align-items: center; font-size: 13px; }
.bar button { background: #f1f3f4; color: #1a73e8; }
`;

const areas = { sync: browser.storage.sync, local: browser.storage.local };

let styled = false;

function pageStyle(): void {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = `html:not([${SHOW_ATTR}]) [${HIDDEN_ATTR}] { display: none !important; }
html[${SHOW_ATTR}] [${HIDDEN_ATTR}] { opacity: .45; }`;
  (document.head ?? document.documentElement).append(style);
}

function mutedItem(item: ListItem, prefs: Prefs, names: Set<string>, now: number): boolean {
  if (item.accountId && isMuted(prefs, item.accountId, now)) return true;
  return !!item.accountName && names.has(item.accountName.trim());
}

function main(): void {
  const url = location.href;
  if (!listKind(url)) return;
  let prefs: Prefs | null = null;
  let bar: { element: HTMLElement; count: HTMLElement; toggle: HTMLButtonElement } | null = null;

  const apply = (root: Document | Element): void => {
    if (!prefs) return;
    const now = Date.now();
    const names = mutedNames(prefs, now);
    for (const item of findListItems(root, url)) {
      item.element.toggleAttribute(HIDDEN_ATTR, mutedItem(item, prefs, names, now));
    }
    updateBar();
  };

  const updateBar = (): void => {
    const hidden = document.querySelectorAll(`[${HIDDEN_ATTR}]`).length;
    if (!hidden) {
      bar?.element.setAttribute('hidden', '');
      return;
    }
    if (!bar) {
      pageStyle();
      const host = createHost(CSS);
      const count = el('span', { attrs: { 'aria-live': 'polite' } });
      const toggle = el('button', {
        attrs: { 'aria-pressed': 'false' },
        onClick: () => {
          const showing = document.documentElement.toggleAttribute(SHOW_ATTR);
          toggle.setAttribute('aria-pressed', String(showing));
          toggle.textContent = showing ? t('hideAgain') : t('showHidden');
        },
      });
      toggle.textContent = t('showHidden');
      const wrap = el('div', { class: 'bar', attrs: { role: 'status' } }, count, toggle);
      host.root.append(wrap);
      hook(host.element, 'data-declutter-list', 'true');
      bar = { element: wrap, count, toggle };
    }
    bar.element.removeAttribute('hidden');
    bar.count.textContent = t('hiddenCount', String(hidden));
  };

  const refresh = async (): Promise<void> => {
    prefs = await readPrefs(areas);
    apply(document);
  };

  // Items appended later (infinite scroll) are checked in one batch per frame.
  let pending = new Set<Element>();
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n instanceof Element && n.id !== 'declutter-for-wechat') pending.add(n.parentElement ?? n);
    }
    if (pending.size && !scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        const batch = pending;
        pending = new Set();
        scheduled = false;
        for (const node of batch) if (node.isConnected) apply(node);
      });
    }
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  browser.storage.onChanged.addListener((changes) => {
    if (Object.keys(changes).some((k) => k.startsWith('mute:'))) void refresh();
  });
  // Test build only: the page has been read against the mutes (the tests' signal that "nothing is
  // hidden" means something).
  void refresh().then(() => hook(document.documentElement, 'data-declutter-list-ready', 'true'));
}

main();
