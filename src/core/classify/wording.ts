// What the wording models say of a titled article: each paragraph's pitch log-odds under the pitch
// n-gram table, split into its selling and its informative part, and the title's offer log-odds.
import type { Analysis } from './analyze';
import type { WordingScores } from './features';
import { scoreSpan, spanScore } from './ngrams';
import type { Wording } from './model';

export function wordingScores(a: Analysis, paragraphs: Wording, title: Wording): WordingScores {
  const n = a.paragraphs.length;
  const paragraph = new Float64Array(n);
  const selling = new Float64Array(n);
  const informative = new Float64Array(n);
  const table = paragraphs.table();
  for (let i = 0; i < n; i++) {
    const p = a.paragraphs[i]!;
    scoreSpan(a.bodyGrams, p.start, p.end, table);
    const root = spanScore.count > 0 ? Math.sqrt(spanScore.count) : 1;
    paragraph[i] = paragraphs.bias + spanScore.sum / root;
    selling[i] = spanScore.pos / root;
    informative[i] = (spanScore.sum - spanScore.pos) / root;
  }
  scoreSpan(a.titleGrams, 0, a.titleGrams.length, title.table());
  const offer = title.bias + (spanScore.count > 0 ? spanScore.sum / Math.sqrt(spanScore.count) : 0);
  return { paragraph, selling, informative, title: offer };
}
