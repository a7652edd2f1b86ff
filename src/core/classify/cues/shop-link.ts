// Shops and mini-program stores: 淘宝 / 天猫 / 京东 / 小程序 / 淘口令, where the sale closes.
import { defineCue } from '../cue';

export default defineCue({
  id: 'shop-link',
  weight: 0.8,
  phrases: [
    '淘宝', '天猫', '京东', '拼多多', '有赞', '微店', '旗舰店', '官方商城', '商城', '小程序', '淘口令', '复制口令', '口令',
    '商品链接', '小黄车', '橱窗', '直播间', '小鹅通', '千聊', '荔枝微课', '得到app', '当当', '抖店',
    'taobao', 'tmall', 'jd.com', 'yangkeduo', 'youzan', 'weidian', 'amazon.com', 'shopify', 'etsy',
    '小店', '网店', '官方店', '旗舰', '商城小程序', '点击小程序', '小程序商城', '抖音小店', '视频号小店', '购买通道', '下单通道', 'link in bio', 'our store', 'our shop', 'online store', 'shop link',
  ],
  except: ['京东方', '口令攻击', '口令破解', '弱口令', '口令爆破', '口令猜解', '默认口令', '口令认证', '动态口令', '口令策略', '口令安全', '小程序漏洞', '小程序安全'],
  });
