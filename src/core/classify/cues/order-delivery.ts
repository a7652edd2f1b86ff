// Orders and delivery: 下单 / 发货 / 包邮 / 库存 / 售后, the mechanics of a sale that ships.
import { defineCue } from '../cue';

export default defineCue({
  id: 'order-delivery',
  weight: 0.8,
  phrases: [
    '发货', '包邮', '现货', '补货', '售后', '退换', '七天无理由', '7天无理由', '无理由退', '运费', '付款',
    '订单', '拍下', '下单即', '预售期', '尾款', '定金', '付定', '到手价', '赠品',
    'free shipping', 'ships', 'shipping', 'in stock', 'out of stock', 'restock', 'refund', 'returns', 'deposit',
  ],
  except: ['发货量', '订单量', '订单数'],
});
