// Product launches and pitches: 新品 / 重磅上新 / 预售 / 爆款 / 好物.
import { defineCue } from '../cue';

export default defineCue({
  id: 'product-pitch',
  weight: 0.6,
  phrases: [
    '新品', '上新', '重磅上新', '重磅上线', '正式上线', '隆重推出', '全新推出', '首发', '预售', '开售', '开卖', '现货',
    '发售', '热销', '爆款', '好物', '种草', '安利', '明星产品', '性价比', '限定款', '联名', '礼盒', '新书', '签名本', '上架',
    '开团', '产品矩阵', '值得拥有',
    'new arrival', 'now available', 'pre-sale', 'presale', 'best-seller', 'bestseller', 'launch', 'launches', 'launched',
    '回购', '闭眼入', '强烈推荐', '必入', '自用', '好用到', '宝藏', '神器', '平替', '正品', '官方正品', '功效', '质地', '升级款', '同款', '推荐给', '值得入', 'brand new', 'our new', 'now on sale', 'back in stock', 'best seller', 'must-have', 'limited edition',
  ],
  });
