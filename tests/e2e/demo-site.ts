// The site both browsers' popup suites read: a mostly promotional account and a service account
// (the demo's sample articles, rendered in the structure of real WeChat pages) and a Sogou search
// page that lists them all.
import { SAMPLE_ACCOUNTS } from '../../scripts/demo/articles';
import { articleHtml, demoPages, sogouHtml } from '../../scripts/demo/render';
import type { Route } from './harness';

export const promo = SAMPLE_ACCOUNTS.find((a) => a.name === '好物优选社')!;
export const service = SAMPLE_ACCOUNTS.find((a) => a.name === '城市生活早知道')!;
export const pages = demoPages([promo, service], Math.floor(Date.now() / 1000) - 3 * 86_400);
export const promoPage = pages.find((p) => p.account === promo)!;
export const SOGOU_URL = 'http://weixin.sogou.com/weixin?type=2&query=%E5%A5%BD%E7%89%A9';

const byPath = new Map(pages.map((p) => [p.path, p]));
const SOGOU = sogouHtml(pages);

export const route: Route = (host, path) => {
  if (host === 'weixin.sogou.com') return { body: SOGOU };
  const p = host === 'mp.weixin.qq.com' ? byPath.get(path) : undefined;
  return p ? { body: articleHtml(p) } : null;
};

/** Runs in the page: one test-build hook attribute of the extension's host element. */
export function hostAttr(name: string): string | null {
  return document.getElementById('declutter-for-wechat')?.getAttribute(name) ?? null;
}

/** Runs in the page: the account names of the list items the extension hid. */
export function hiddenNames(): string[] {
  return [...document.querySelectorAll('[data-declutter-hidden]')].map((e) => e.querySelector('.all-time-y2')?.textContent ?? '');
}
