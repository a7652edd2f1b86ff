// Renders the demo's sample articles as pages with the structure of real WeChat pages (2024+ layout:
// `#js_name`, hidden `#js_content`, inline `var biz/mid/idx/ct`, WeChat's ad template in inline JS),
// plus a Sogou WeChat search page and an album page listing them.
import type { SampleAccount, SampleArticle } from './articles';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const jsq = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/</g, '\\x3c');

export interface DemoPage {
  account: SampleAccount;
  article: SampleArticle;
  mid: number;
  ct: number;
  path: string;
}

export function demoPages(accounts: SampleAccount[], firstCt: number): DemoPage[] {
  const pages: DemoPage[] = [];
  let mid = 2_247_480_000;
  accounts.forEach((account, a) =>
    account.articles.forEach((article, i) => {
      const m = mid++;
      pages.push({ account, article, mid: m, ct: firstCt + (a * 7 + i) * 43_200, path: `/s?__biz=${encodeURIComponent(account.biz)}&mid=${m}&idx=1&sn=demo${m}` });
    }),
  );
  return pages;
}

export function articleHtml(p: DemoPage): string {
  const { account, article } = p;
  const body = article.paragraphs.map((t) => `<p style="margin:0 0 1em;line-height:1.75;"><span style="font-size:15px;">${esc(t)}</span></p>`).join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta property="og:title" content="${esc(article.title)}" />
<title>${esc(article.title)}</title>
<style>body{margin:0;background:#fff;font-family:"PingFang SC","Noto Sans CJK SC",sans-serif;color:#333}.rich_media_area_primary{max-width:677px;margin:0 auto;padding:40px 16px}
h1{font-size:22px;line-height:1.4;margin:0 0 14px}#meta_content{color:#888;font-size:15px;margin-bottom:22px}#js_name{color:#576b95;text-decoration:none}</style>
<script>var defaultMidAdData = {"ad_desc":"微信广告","tips":"广告 立即购买 限时优惠"};</script>
</head><body id="activity-detail" class="zh_CN wx_wap_page">
<div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title" id="activity-name">${esc(article.title)}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">${esc(account.name)}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden; opacity: 0;">
${body}
</div>
</div></div></div></div>
<script>
function htmlDecode(s){return s}
String.prototype.html = function(){return String(this)};
var biz = "" || "${account.biz}";
var mid = "" || "${p.mid}";
var idx = "" || "1";
var item_show_type = "0";
var nickname = htmlDecode("${esc(account.name)}");
var user_name = "${account.username}";
var ct = "${p.ct}";
var msg_title = '${jsq(article.title)}'.html(false);
var msg_source_url = '';
var copyright_stat = "1";
document.getElementById('js_content').style.cssText = '';
document.getElementById('publish_time').textContent = new Date(${p.ct} * 1000).toISOString().slice(0, 10);
</script>
</body></html>
`;
}

export function sogouHtml(pages: DemoPage[]): string {
  const items = pages
    .map(
      (p, i) => `<li id="sogou_vr_11002601_box_${i}" d="${p.mid}">
<div class="txt-box">
<h3><a target="_blank" href="https://mp.weixin.qq.com${esc(p.path)}" id="sogou_vr_11002601_title_${i}" uigs="article_title_${i}">${esc(p.article.title)}</a></h3>
<p class="txt-info" id="sogou_vr_11002601_summary_${i}">${esc(p.article.paragraphs[0] ?? '')}</p>
<div class="s-p"><span class="all-time-y2">${esc(p.account.name)}</span><span class="s2">${new Date(p.ct * 1000).toISOString().slice(0, 10)}</span></div>
</div></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>搜狗微信搜索</title>
<style>body{font-family:"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#fff;color:#222}.news-box{max-width:720px;margin:0 auto;padding:24px 16px}
.news-list{list-style:none;padding:0}.news-list li{padding:14px 0;border-bottom:1px solid #eee}h3{margin:0 0 6px;font-size:18px}h3 a{color:#1a0dab;text-decoration:none}.txt-info{margin:0 0 6px;color:#555;font-size:14px}.s-p{color:#888;font-size:13px;display:flex;gap:12px}
header{font-size:20px;font-weight:600;margin-bottom:8px}</style>
</head><body><div class="news-box"><header>搜狗微信 · 搜索结果</header><ul class="news-list">
${items}
</ul></div></body></html>
`;
}
