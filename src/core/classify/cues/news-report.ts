// Reporting and research language (据报道 / 研究人员 / 数据显示): the register of news and analysis.
// Only register words: topic words (漏洞, CVE) would make the cue a proxy for the security sources.
import { defineCue } from '../cue';

export default defineCue({
  id: 'news-report',
  weight: -0.5,
  phrases: [
    '记者', '据报道', '报道称', '通报', '据悉', '新华社', '消息称', '研究人员', '论文', '据了解', '声明称', '数据显示',
    '研究表明', '据统计', '报道指出', '援引', '接受采访', '受访者', '业内人士', '分析认为', '研究发现',
    'reported', 'according to', 'researcher', 'researchers', 'analyst said', 'analysts said', 'study found',
  ],
  });
