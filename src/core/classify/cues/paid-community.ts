// Paid communities and memberships: 知识星球 / 小报童 / 会员 / 续费, the knowledge-payment offers.
import { defineCue } from '../cue';

export default defineCue({
  id: 'paid-community',
  weight: 1.2,
  phrases: [
    '知识星球', '加入星球', '星球', '小报童', '付费社群', '付费专栏', '付费群', '付费会员', '会员', '续费', '开通会员', 'vip',
    '年卡', '月卡', '季卡', '入群', '进群', '加入社群', '社群', '圈子', '专栏', '订阅', '储值卡', '次卡',
    'membership', 'subscribe now', 'patreon', 'premium plan',
    '会员卡', '储值', '充值', '年费', '订阅制', 'members only', 'join the club', 'subscription', 'subscribe today',
  ],
  except: [
    '星球大战', '蓝色星球', '会员代表', '会员单位', '会员大会', '会员国', '理事会员', '会员企业', '订阅号', '专栏作家',
    '流浪星球', '星球上', '订阅源', 'rss订阅',
  ],
  });
