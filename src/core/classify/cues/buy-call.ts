// Calls to buy: 立即购买 / 点击下单 / 抢购, the verb that turns a text into a sales page.
import { defineCue } from '../cue';

export default defineCue({
  id: 'buy-call',
  weight: 1,
  phrases: [
    '立即购买', '点击购买', '即可购买', '扫码购买', '购买链接', '去购买', '马上购买', '直接购买', '前往购买', '购买方式',
    '购买课程', '购课', '立即下单', '点击下单', '即刻下单', '下单', '抢购', '马上抢', '立即抢', '速抢', '入手',
    '加入购物车', '购物车', '拍下', '订购', '扫码支付', '立即订阅', '立即开通', '立即抢购', '快来购买', '欢迎购买',
    '可购买', '可以购买', '即可下单', '购买即可', '限时购', '到手', '竞拍', '出价', '参拍', '购买此课程', '购买本课程',
    '购买该课程', '报名此课程', '报名本课程', '报名该课程', '购买此产品', '购买该产品', '购买本套餐', '购买此书', '购买本书',
    'buy now', 'order now', 'shop now', 'add to cart', 'buy it', 'get yours', 'purchase now', 'pre-order', 'preorder',
    '立即预订', '马上预订', '立即预约', '点击预约', '扫码下单', '下单链接', '戳链接', '去抢', '开抢', '抢先购', '拍下即', '速速下单', 'order today', 'order yours', 'shop the', 'grab yours', 'get it now', 'checkout', 'add to bag',
  ],
  except: ['购买决策', '购买力', '购买行为', '购买意愿', '入手点'],
});
