// Pointers to act: 👇 / 点击下方 / 阅读原文, the arrows a pitch ends with.
import { defineCue } from '../cue';

export default defineCue({
  id: 'cta-pointer',
  weight: 0.5,
  phrases: [
    '👇', '👉', '☞', '⬇', '▼', '点击下方', '点击下图', '点击图片', '点击文字', '点击链接', '戳下方', '长按图片',
    '点击阅读原文', '阅读原文', '点击左下角', '戳这里', '点这里', '点击这里',
    'click here', 'link in bio', 'tap the link', 'tap this link', 'learn more',
    '点击下方链接', '请点击', 'click the link', 'tap below', 'see link', 'link below',
  ],
  });
