// Each cue against real sentences from the WeChat articles and the SMS corpora: the words it must
// find, and near misses it must leave alone (taxes, association members, job benefits, follow footers).
import { describe, expect, test } from 'vitest';
import { CUES } from '../../src/core/classify/cues/index';
import shopCard from '../../src/core/classify/cues/shop-card';
import { sentenceFrom } from './real-data';

function cue(id: string) {
  const c = CUES.find((x) => x.id === id);
  if (!c) throw new Error(`no cue ${id}`);
  return c;
}

/** [cue id, row reference, real sentence, words the cue must report ([] = must not fire)] */
type Case = [string, string, string, string[]];

const CASES: Case[] = [
  ['disclosure', 'wechat:lazy13-006', '广告', ['广告']],
  ['disclosure', 'wechat:picker-0274', '上下文感知的聚合页广告优化实践', []],
  ['disclosure', 'wechat:v2media-044', '如你所见，这是一篇广告。', ['这是一篇广告']],
  ['disclosure', 'wechat:lazy13-053', '品牌推广 培训合作 商业咨询 润米商城 转载开白', []],

  ['sponsored', 'sms:4131', '您好，专业提供短信群发，106全网网关直连通道，70字无签名，【活动促销】【商业推广】【贷款】【房产】【教育】均可大量发送。', ['商业推广']],
  ['sponsored', 'wechat:picker-0088', '本文由奇安信编译，不代表奇安信观点。', []],
  ['sponsored', 'wechat:lazy13-053', '品牌推广 培训合作 商业咨询 润米商城 转载开白', []],
  ['sponsored', 'wechat:lazy13-086', '或许一些女性科学家有意愿，但学校和赞助商未必支持', []],

  ['local-deal', 'sms:45', '抵制假羊肉良心做企业.翠峰苑羊肉-还是那个味.即日起所售羊肉假一罚万.更有蔬菜免费活动.敬请到店品鉴.举报热线４００６００１７０【翠峰苑】', ['到店']],
  ['local-deal', 'wechat:lazy13-067', '很多手头并不富裕的大兄弟，看到柜台50块钱的套餐，用券只需要25的时候，再看着手里限时使用的优惠券，就会毫不犹豫的去购买。', []],

  ['order-delivery', 'wechat:lazy13-076', '*纸质套装书赠品将在15个工作日内统一发货', ['赠品', '发货']],
  ['order-delivery', 'sms:771', '[大促]初夏狂欢周，全场满200减80包邮，时间5.19到5.25 http://myskincare.taobao.com【暖日药妆】', ['包邮']],
  ['order-delivery', 'wechat:v2duty-092', '而同时保留两条产品线对原料、生产、库存管理都是挑战。', []],

  ['buy-call', 'wechat:lazy13-010', '👇点击即可购买👇', ['即可购买']],
  ['buy-call', 'wechat:lazy13-014', '想购买的朋友，直接点击图片，即可购买：', ['即可购买']],
  ['buy-call', 'wechat:exporter-normal-c01', '（已报名【数学保命班】的同学无需购买此课程）', ['购买此课程']],
  ['buy-call', 'wechat:picker-0209', '荣誉入选 | 星阑科技实力入选中国网络安全行业《工控安全产品及服务购买决策参考》', []],
  ['buy-call', 'wechat:exporter-image-01', '为控制成本，整车厂普遍要求供应商协同降本，并显著延长付款周期。', []],

  ['contact-sales', 'wechat:exporter-text-c03', '[太阳]点击文字添加助教老师了解更多课程信息', ['添加助教', '助教老师']],
  ['contact-sales', 'wechat:lazy13-061', '需要进群可以添加VX咨询，平时不闲聊。', ['加VX']],
  ['contact-sales', 'wechat:picker-0034', '欢迎联系绿盟科技销售代表咨询', ['销售代表']],
  ['contact-sales', 'wechat:weextract-post', '今天，订阅号正式改版上线。', []],

  ['scan-code', 'wechat:picker-0104', '白帽师傅们可扫码添加运营同学微信，备注来意并由运营同学邀请进群！', ['扫码']],
  ['scan-code', 'wechat:picker-0361', '培训报名：微信扫码添加【人工客服】熊揪揪，提前锁定参训席位。', ['扫码']],
  ['scan-code', 'wechat:picker-0082', '-扫码关注我们-', []],
  ['scan-code', 'wechat:exporter-normal-03', '长按识别二维码查看原文', []],

  ['price', 'wechat:lazy13-001', '原价1399元', ['原价', '1399元']],
  ['price', 'wechat:lazy13-001', '仅需 早鸟优惠价 399元 👇', ['仅需', '优惠价', '399元']],
  ['price', 'wechat:lazy13-053', '到底是什么样的底气，支撑着7.98万元的比亚迪？', []],
  ['price', 'wechat:lazy13-015', '你只需要记住这个保险箱的开启密码就行', []],

  ['coupon', 'wechat:exporter-text-c03', '🎉618年中大促：超多好礼等你来', ['618', '大促']],
  ['coupon', 'wechat:lazy13-001', '首期招募 立减1000元', ['立减']],
  ['coupon', 'wechat:lazy13-091', '一般来说是享受税收优惠的养老金', []],
  ['coupon', 'wechat:picker-0084', '另据中国证券报，圆通速递证券部工作人员回应记者称', []],
  ['coupon', 'wechat:exporter-article-01', '对小学生而言，热梗像是一张“社交入场券”', []],

  ['urgency', 'wechat:exporter-text-c03', '[哇]最后7小时，全科进阶，一起上岸吧！！！', ['最后7小时']],
  ['urgency', 'wechat:picker-0335', '报名截止日期1月11日，最后三天，欲报从速！！！', ['欲报从速']],
  ['urgency', 'sms:2251', '名额有限，欲报从速。', ['名额有限', '欲报从速']],
  ['urgency', 'wechat:lazy13-058', '他们就抓紧找了一个山清水秀的地方，讨论明年。', []],

  ['giveaway', 'wechat:lazy13-011', '5. 不定期的小福利，如抽奖送书、邀请码、课程优惠券等', ['福利', '抽奖', '送书']],
  ['giveaway', 'wechat:picker-0097', '• 关注公众号，发本文到朋友圈，集赞30个', ['集赞']],
  ['giveaway', 'wechat:picker-0236', '转发抽奖', ['抽奖']],
  ['giveaway', 'wechat:picker-0167', '享受清华职工相关福利待遇，提供具有竞争力的薪资待遇及科研奖励。', []],

  ['shop-link', 'wechat:lazy13-014', '当当天猫官方旗舰店淘口令复制字符串，打开淘宝即可购买z0M92ENjPN3', ['当当', '天猫', '旗舰店', '淘口令', '淘宝']],
  ['shop-link', 'wechat:lazy13-006', '欢迎使用 知我心理小程序 或 知我心理APP', ['小程序']],
  ['shop-link', 'wechat:lazy13-055', '一家酒店的客源，可能来自OTA（旅行预订网站），旅行社。', []],

  ['paid-community', 'wechat:lazy13-010', '👇点击即可购买体验次卡 👇', ['次卡']],
  ['paid-community', 'wechat:picker-0069', '更多资料及机器翻译已上传知识星球', ['知识星球']],
  ['paid-community', 'wechat:picker-0078', '中国信息产业商会信息安全产业分会第六届会员代表大会', []],
  ['paid-community', 'wechat:weextract-post', '今天，订阅号正式改版上线。', []],

  ['course-signup', 'wechat:exporter-normal-c01', '硕哥数学过线急救班', ['急救班']],
  ['course-signup', 'wechat:exporter-text-c03', '爆款好课超低折扣！', ['好课']],
  ['course-signup', 'wechat:exporter-text-c02', '这14个学校发布招生简章啦', []],

  ['cta-pointer', 'wechat:lazy13-012', '点击「阅读原文」，即刻报名', ['阅读原文']],
  ['cta-pointer', 'wechat:lazy13-001', '课程表详见👇', ['👇']],
  ['cta-pointer', 'wechat:lazy13-002', '不过研究人员发现，在情感支持外，还有两个因素可能被低估了：', []],

  ['free-offer', 'wechat:lazy13-084', '🎡👇订阅年度会员计划，免费领会员礼', ['免费领']],
  ['free-offer', 'wechat:lazy13-005', '来 FeelBetter感觉好多了 后台回复 水果 ，一张图，全告诉你。', ['后台回复']],
  ['free-offer', 'wechat:lazy13-053', '每生产一个充电宝，就要花出去的30元，我该怎么压低呢？', []],

  ['product-pitch', 'wechat:picker-0052', '安全人必备书《Web安全攻防从入门到精通》正式预售', ['预售']],
  ['product-pitch', 'wechat:lazy13-079', '现已开启预售，看理想年度会员（理想家、畅听卡）享会员折扣', ['预售']],
  ['product-pitch', 'sms:115', '140-270平非合拼新品加推！', ['新品']],
  ['product-pitch', 'wechat:lazy13-002', '不过研究人员发现，在情感支持外，还有两个因素可能被低估了：', []],

  ['phone-contact', 'sms:376', '询4008736777', ['4008736777']],
  ['phone-contact', 'wechat:picker-0076', '征订热线：010-82341063', ['热线', '010-82341063']],
  ['phone-contact', 'sms:29', '您尾号4842的信用卡09日20:29网上交易人民币40.00元。', []],

  ['unsubscribe', 'sms:825', '回T退订', ['回T退订']],
  ['unsubscribe', 'sms:13', 'jd.com/jSPupR 回复TD退订', ['回复TD退订']],
  ['unsubscribe', 'fbs:1', '仅限前0名退订回复td', ['退订回复td']],
  ['unsubscribe', 'wechat:picker-0262', '马上报名，预订培训席位！', []],

  ['follow-footer', 'wechat:picker-0065', '点个在看你最好看', ['点个在看']],
  ['follow-footer', 'wechat:picker-0082', '-扫码关注我们-', ['扫码关注', '关注我们']],
  ['follow-footer', 'wechat:lazy13-001', '原价1399元', []],

  ['job-posting', 'wechat:picker-0054', '点击“查看原文”或联系我投递简历', ['投递', '简历']],
  ['job-posting', 'wechat:picker-0153', '● 岗位职责', ['岗位职责']],
  ['job-posting', 'wechat:lazy13-001', '首期招募 立减1000元', []],

  ['news-report', 'wechat:lazy13-002', '不过研究人员发现，在情感支持外，还有两个因素可能被低估了：', ['研究人员']],
  ['news-report', 'wechat:picker-0084', '另据中国证券报，圆通速递证券部工作人员回应记者称', ['记者']],
  ['news-report', 'wechat:picker-0052', '安全人必备书《Web安全攻防从入门到精通》正式预售', []],

  ['free-event', 'wechat:picker-0187', '费用不收取任何费用或押金', ['不收取任何费用']],
  ['free-event', 'wechat:lazy13-001', '仅需 早鸟优惠价 399元 👇', []],
];

describe('every cue has real positive and negative sentences', () => {
  test.each(CUES.map((c) => [c.id]))('%s', (id) => {
    const mine = CASES.filter((c) => c[0] === id);
    expect(mine.some((c) => c[3].length > 0)).toBe(true);
    expect(mine.some((c) => c[3].length === 0)).toBe(true);
  });
});

describe('cue words in real sentences', () => {
  test.each(CASES)('%s on %s: %s', (id, ref, sentence, words) => {
    const found = cue(id).detect(sentenceFrom(ref, sentence));
    if (words.length === 0) expect(found).toEqual([]);
    else expect(found).toEqual(expect.arrayContaining(words));
    for (const w of found) expect(sentence).toContain(w);
  });
});

describe('shop-card (page structure only)', () => {
  test.each([
    [{ miniPrograms: 2 }, []],
    [{ shopHosts: ['shop.m.jd.com', 'h5.youzan.com'] }, ['shop.m.jd.com', 'h5.youzan.com']],
  ])('fires on %j', (cues, words) => {
    expect(shopCard.detect(cues)).toEqual(words);
  });
  test.each([[undefined], [{}], [{ images: 12, paid: true }], [{ miniPrograms: 0, productCards: 0, shopHosts: [] }]])('stays quiet on %j', (cues) => {
    expect(shopCard.detect(cues)).toBeNull();
  });
});
