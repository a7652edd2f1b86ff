// Disclosure: the article says it is an ad or sponsored (广告 / 商业推广 / 赞助), the strongest single cue.
import { defineCue } from '../cue';

export default defineCue({
  id: 'disclosure',
  weight: 2,
  phrases: [
    '商业推广', '推广内容', '广告内容', '本文为广告', '本文系广告', '本文为推广', '本文含广告',
    '赞助内容', '软文', '商业合作内容', '品牌定制', '广告·', '推广·',
    'sponsored by', 'paid partnership', 'in partnership with', 'advertorial', '#ad',
  ],
  except: ['广告合作', '品牌推广合作', '商务合作', '推广合作', '合作请联系'],
  patterns: [
    // A line that is only the marker, as WeChat editors place it above or below the pitch.
    /^[ ·|｜【】[\]()（）-]*(?:广告|推广|商业推广|品牌推广|赞助|sponsored|advertisement|ad|promoted)[ ·|｜【】[\]()（）-]*$/m,
    /本文由.{1,24}?(?:赞助|冠名|特约|提供支持|独家支持)/,
  ],
});
