// Urgency: 限时 / 名额有限 / 倒计时 / 欲报从速, pressure to act before thinking.
import { defineCue } from '../cue';

export default defineCue({
  id: 'urgency',
  weight: 0.7,
  phrases: [
    '限时', '限量', '名额有限', '仅剩', '最后一天', '倒计时', '欲报从速', '报名从速', '欲购从速', '从速', '先到先得',
    '售完即止', '手慢无', '即将涨价', '即将截止', '马上截止', '错过再等', '最后机会', '不容错过', '速来', '仅限',
    '席位有限', '少量席位', '名额紧张', '最后一波', '涨价', '火热报名', '火热进行', '抢先', '最后一次', '今晚截止',
    'limited time', 'last chance', 'ends soon', 'ends tonight', 'ends today', 'hurry', 'act now',
    '仅此一次', '售罄', '卖完', '最后3天', '限定', 'while supplies last', 'limited stock', 'selling fast', 'only a few left', 'don\'t miss', 'final hours', 'last day',
  ],
  except: ['限时停车', '限量发行'],
  patterns: [
    /最后\d{1,2}(?:天|小时|个?名额|席)/,
    /前\d{1,4}名/,
    /仅剩\d{1,4}/,
    /\bonly \d+ left\b/,
  ],
});
