// The account's own footer (关注我们 / 点个在看 / 设为星标): normal on service articles, not a sale.
import { defineCue } from '../cue';

export default defineCue({
  id: 'follow-footer',
  weight: -0.3,
  phrases: [
    '关注我们', '欢迎关注', '点击关注', '扫码关注', '长按关注', '关注公众号', '设为星标', '星标', '点个在看', '点在看',
    '在看', '点赞', '分享给', '转载请', '原创声明', '投稿', '往期推荐', '往期回顾', '推荐阅读', '相关阅读',
    'follow us', 'like and share',
  ],
  lines: ['end', 'the end'],
});
