// Scan or long-press a QR code (扫码 / 长按识别二维码), unless it is only to follow the account.
import { defineCue } from '../cue';

export default defineCue({
  id: 'scan-code',
  weight: 0.6,
  phrases: ['扫码', '扫描二维码', '扫描下方二维码', '扫描上方二维码', '扫描下图', '长按识别', '长按二维码', '识别二维码', '识别下方', '扫一扫', '二维码', 'scan the qr', 'scan this qr', 'scan qr'],
  except: [
    '扫码关注', '长按识别二维码关注', '长按二维码关注', '扫描二维码关注', '扫一扫关注', '识别二维码关注', '二维码关注',
    '长按识别关注', '长按识别二维码查看', '识别二维码查看', '扫码下载', '扫描二维码下载', '扫码查看', '扫码阅读', '扫码观看',
  ],
});
