// Calls to add a sales contact: 加微信 / 添加助教 / 扫码咨询, the funnel into a private sales chat.
import { defineCue } from '../cue';

export default defineCue({
  id: 'contact-sales',
  weight: 1,
  phrases: [
    '加微信', '添加微信', '加我微信', '添加我的微信', '加v', '加vx', '加wx', '+v', '+vx', '微信号', 'vx:',
    '添加助教', '助教老师', '联系助教', '小助手', '添加小助手', '课程顾问', '咨询顾问', '学习顾问', '联系客服', '客服微信',
    '扫码咨询', '扫码添加', '扫码报名', '扫码进群', '扫码入群', '扫码领取', '扫码了解', '扫码预约', '添加好友',
    '咨询电话', '联系销售', '销售代表', '商务咨询', '预约演示', '申请试用', '免费试用', '预约咨询', '欢迎咨询', '私信',
    '了解更多详情', '了解详情', '详情咨询', '更多详情',
    'contact sales', 'contact our sales', 'book a demo', 'request a demo', 'dm me', 'add me on wechat', 'free trial',
    '私聊', '添加客服', '一对一咨询', 'message us', 'dm us', 'talk to our', 'schedule a call', 'book a call',
  ],
  except: ['私信息'],
  });
