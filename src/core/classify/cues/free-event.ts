// Free participation (免费参加 / 不收取任何费用): a sign-up that sells nothing.
import { defineCue } from '../cue';

export default defineCue({
  id: 'free-event',
  weight: -0.6,
  phrases: ['免费参加', '免费报名', '不收取任何费用', '不收取费用', '不收费', '免费参会', '公益', '无需付费', '免费开放', '全程免费', '免报名费',
    'free of charge', 'free admission', 'free to attend',
  ],
  });
