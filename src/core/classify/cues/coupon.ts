// Coupons and deals: 优惠券 / 满减 / 立减 / 半价 / 大促, the mechanics of a sale.
import { defineCue } from '../cue';

export default defineCue({
  id: 'coupon',
  weight: 1,
  phrases: [
    '优惠券', '优惠码', '折扣码', '兑换码', '代金券', '现金券', '抵扣券', '满减', '领券', '立减', '直降', '返现', '半价',
    '买一送一', '买赠', '折扣', '打折', '特惠', '大促', '促销', '让利', '优惠', '福利价', '618', '双11', '双十一', '年货节',
    '清仓', '团购', '拼团', '秒杀', '限时折', '超低价', '最低价', '低至', '加赠', '赠送', '送完即止', '券',
    'coupon', 'promo code', 'discount', 'deal', 'deals', 'on sale', 'flash sale', 'clearance',
    '史低', '史低价', '历史最低', '全网最低', '立省', '满赠', '券后', '补贴价', '特价', '惊喜价', 'use code', 'discount code', 'coupon code', '% off', 'off your first', 'save up to', 'sale ends',
  ],
  except: [
    '优惠政策', '税收优惠', '优惠措施', '优惠贷款', '优惠利率', '优惠待遇', '电价优惠', '价格优惠政策', '证券', '入场券',
    '债券', '国券', '券商', '奖券', '彩券', '打折扣', '秒杀漏洞',
  ],
  });
