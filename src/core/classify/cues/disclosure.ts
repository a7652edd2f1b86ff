// Ad markers: a line that says 广告 / 推广 above or below a block, or 本文为广告: a marked ad block,
// which may be a whole article or a short slot inside one (see sponsored.ts for paid articles).
import { defineCue } from '../cue';

export default defineCue({
  id: 'disclosure',
  weight: 2,
  phrases: [
    '推广内容', '广告内容', '本文为广告', '本文系广告', '本文为推广', '本文含广告', '软文', '广告·', '推广·',
    '这是一篇广告', '这是一则广告', '这是一篇推广', '这是一条广告', '以下为广告', '以下是广告', '广告时间',
    'this is an ad', 'this post is sponsored', 'ad:',
  ],
  except: ['广告合作', '推广合作', '合作请联系'],
  // A line that is only the marker, as WeChat editors place it above or below the pitch.
  lines: ['广告', '推广', 'advertisement', 'ad', 'promoted'],
});
