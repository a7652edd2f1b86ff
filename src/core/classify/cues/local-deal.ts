// Local deals: 到店 / 团购券 / 套餐 / 核销 / 订座, where a shop sells a visit (a meal, a class, a stay).
import { defineCue } from '../cue';

export default defineCue({
  id: 'local-deal',
  weight: 0.8,
  phrases: [
    '到店', '到店使用', '到店核销', '核销', '团购券', '团购套餐', '双人套餐', '单人套餐', '门店地址', '营业时间', '堂食',
    '订座', '订位', '预订电话', '预约到店', '随时退', '过期退', '免预约', '可叠加', '代金券',
    'book a table', 'reserve a table', 'book now', 'reserve now', 'walk-ins', 'opening hours', 'happy hour', 'set menu',
  ],
});
