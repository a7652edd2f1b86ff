// Sponsorship: the article itself is paid for (商业推广 / 本文由…赞助 / sponsored by). LABELING.md
// counts sponsored posts and marked brand advertorials as promotional whatever they read like: the
// disclosure alone decides, so its prior is set from that definition (no train row carries one)
// and training keeps it. Only disclosures in the definition's own words; no studio or brand names.
import { defineCue } from '../cue';

export default defineCue({
  id: 'sponsored',
  weight: 3.5,
  phrases: [
    '商业推广', '赞助内容', '本文为商业推广', '品牌定制', '商业合作内容', '合作推广内容',
    'sponsored by', 'sponsored content', 'paid partnership', 'in partnership with', 'advertorial', '#ad',
  ],
  except: ['商业推广合作', '商业推广请', '商业推广联系'],
  lines: ['商业推广', '品牌推广', 'sponsored'],
  patterns: [/本文由.{1,24}?(?:赞助|冠名|特约)/],
});
