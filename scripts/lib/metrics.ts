// Scores for a binary "promotional" decision: confusion matrix and the figures eval prints.
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusion(truth: readonly boolean[], predicted: readonly boolean[]): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  truth.forEach((t, i) => {
    const p = predicted[i] === true;
    if (t && p) c.tp++;
    else if (t) c.fn++;
    else if (p) c.fp++;
    else c.tn++;
  });
  return c;
}

export interface Scores {
  rows: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scores(c: Confusion): Scores {
  const rows = c.tp + c.fp + c.tn + c.fn;
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : Number.NaN;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : Number.NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { rows, accuracy: rows > 0 ? (c.tp + c.tn) / rows : Number.NaN, precision, recall, f1 };
}

/** F-beta (beta < 1 favours precision: a false "promotional" is the costly error). */
export function fBeta(c: Confusion, beta: number): number {
  const b2 = beta * beta;
  const denom = (1 + b2) * c.tp + b2 * c.fn + c.fp;
  return denom > 0 ? ((1 + b2) * c.tp) / denom : 0;
}
