// Free-to-claim hooks: 免费领 / 0元 / 后台回复关键词, lead capture dressed as a gift.
import { defineCue } from '../cue';

export default defineCue({
  id: 'free-offer',
  weight: 0.6,
  phrases: [
    '免费领', '免费领取', '零元', '免费体验', '免费试听', '限时免费', '白嫖', '领取', '免费获取', '后台回复', '回复关键词',
    '关键词回复', '私信回复', '免费送', '0元',
    'free trial', 'for free', 'free download', 'claim your free', 'claim a free',
    '免费试用', '申领', '体验装', '小样', '试吃', '领券', '免费试', 'free sample', 'free gift', 'try it free',
  ],
  // 0元 is a phrase, not a pattern: a digit phrase matches only after a non-digit, and the price
  // pattern also matches there (patterns.ts reports one pattern per start). Not 1.0元.
  except: ['.0元'],
});
