// Phone numbers and hotlines (咨询热线 / 400 numbers): marketing messages end in one.
import { defineCue } from '../cue';

export default defineCue({
  id: 'phone-contact',
  weight: 0.5,
  phrases: ['咨询热线', '服务热线', '订购热线', '热线', '报名电话', '联系电话', '来电', '致电', '详询', '垂询', '预约电话', '订房电话', 'call now', 'tel:'],
  patterns: [/(?<!\d)1[3-9]\d{9}(?!\d)/, /(?<!\d)400[- ]?\d{3}[- ]?\d{4}(?!\d)/, /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/],
});
