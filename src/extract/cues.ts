// Structural promo cues only the DOM carries (mini-program and product cards, shop links, images,
// paywall), read from the article body only: 2025+ pages carry WeChat's own ad templates elsewhere.
import type { PageCues } from '../core/article';

/**
 * Registrable domains of shops and paid-content platforms. A link's host matches when it is one of
 * these or a subdomain (`m.tb.cn`, `h5.youzan.com`).
 */
export const SHOP_DOMAINS: readonly string[] = [
  'taobao.com', 'tb.cn', 'tmall.com', 'tmall.hk', 'jd.com', '3.cn', 'jd.hk', 'yangkeduo.com', 'pinduoduo.com',
  'youzan.com', 'youzanyun.com', 'kdt.im', 'weidian.com', 'koudai.com', 'vdian.com', 'xiaoe-tech.com',
  'xiaoeknow.com', 'xet.tech', 'zsxq.com', 'xiaobot.net', 'jinritemai.com', 'vip.com', 'suning.com',
  'dangdang.com', 'kaola.com', 'qianliao.tv', 'lizhiweike.com', 'mall.bilibili.com',
];

export function shopDomainOf(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const domain of SHOP_DOMAINS) {
    if (h === domain || h.endsWith('.' + domain)) return domain;
  }
  return null;
}

/** WeChat editor elements for product and store cards (their text, if any, is a label, not prose). */
const PRODUCT_TAGS = new Set(['mp-common-product', 'mpproduct', 'mpcps', 'mp-common-cps', 'mp-common-shop', 'mp-common-cpsad']);

/**
 * Counts cues while the body's text walk visits each element, so the body is traversed once
 * (separate `querySelectorAll` passes cost a full subtree walk each).
 */
export class CueCollector {
  private miniPrograms = 0;
  private productCards = 0;
  private images = 0;
  private sawBody = false;
  private readonly hosts = new Set<string>();

  /** Called for every element of the body that is not skipped. */
  readonly visit = (el: Element, tag: string): void => {
    this.sawBody = true;
    if (tag === 'img') this.images++;
    else if (tag === 'a') {
      if (el.hasAttribute('data-miniprogram-appid')) this.miniPrograms++;
      else this.addLink(el.getAttribute('href'));
    } else if (tag === 'mp-miniprogram' || el.hasAttribute('data-miniprogram-appid')) this.miniPrograms++;
    else if (PRODUCT_TAGS.has(tag)) this.productCards++;
  };

  /** Marks that a body was read even if it had no elements (counts are then known zeros). */
  bodyRead(): void {
    this.sawBody = true;
  }

  addLink(href: string | null | undefined): void {
    if (!href || this.hosts.size >= 50) return;
    // Only absolute http(s) links can leave WeChat; a regex is cheaper than `new URL` per link.
    const host = /^\s*https?:\/\/(?:[^@/?#]*@)?([^/?#:\s]+)/i.exec(href)?.[1]?.toLowerCase();
    if (host && shopDomainOf(host)) this.hosts.add(host);
  }

  finish(paid: boolean): PageCues {
    const cues: PageCues = { shopHosts: [...this.hosts], paid };
    if (this.sawBody) {
      cues.miniPrograms = this.miniPrograms;
      cues.productCards = this.productCards;
      cues.images = this.images;
    }
    return cues;
  }
}
