// Weighted logistic regression with an L2 pull towards prior weights, fitted by L-BFGS. Plain
// loops over sparse rows, no randomness: the same data gives the same weights, bit for bit.

export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

export interface LogRegData {
  rows: readonly SparseRow[];
  /** 1 = promotional, 0 = service. */
  y: Uint8Array;
  /** Sample weights (any positive scale; normalised by their sum). */
  weight: Float64Array;
  dim: number;
}

export interface LogRegOptions {
  /** L2 strength on (w - prior). */
  lambda: number;
  /** Per-feature L2 multiplier (default 1). */
  penalty?: Float64Array;
  prior?: Float64Array;
  maxIter?: number;
}

export interface LogRegModel {
  w: Float64Array;
  bias: number;
}

export function dot(row: SparseRow, w: Float64Array): number {
  let z = 0;
  for (let k = 0; k < row.idx.length; k++) z += w[row.idx[k]!]! * row.val[k]!;
  return z;
}

function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Minimises f by L-BFGS with a backtracking Armijo line search. `fg` fills `grad` and returns f. */
export function lbfgs(
  fg: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  maxIter = 300,
  memory = 10,
  tol = 1e-7,
): Float64Array {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  for (let iter = 0; iter < maxIter; iter++) {
    // Two-loop recursion: d = -H g.
    d.set(g);
    const alpha: number[] = [];
    for (let k = S.length - 1; k >= 0; k--) {
      let a = 0;
      const s = S[k]!;
      for (let i = 0; i < n; i++) a += s[i]! * d[i]!;
      a *= rho[k]!;
      alpha[k] = a;
      const yk = Y[k]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! - a * yk[i]!;
    }
    if (S.length > 0) {
      const s = S[S.length - 1]!;
      const yk = Y[Y.length - 1]!;
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < n; i++) {
        sy += s[i]! * yk[i]!;
        yy += yk[i]! * yk[i]!;
      }
      const gamma = sy / yy;
      for (let i = 0; i < n; i++) d[i] = d[i]! * gamma;
    }
    for (let k = 0; k < S.length; k++) {
      let b = 0;
      const yk = Y[k]!;
      for (let i = 0; i < n; i++) b += yk[i]! * d[i]!;
      b *= rho[k]!;
      const s = S[k]!;
      const a = alpha[k]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! + (a - b) * s[i]!;
    }
    for (let i = 0; i < n; i++) d[i] = -d[i]!;
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = 0;
      for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
    }
    let step = iter === 0 && S.length === 0 ? 1 / Math.max(1, Math.sqrt(-slope)) : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = f;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = fg(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      yv[i] = gNew[i]! - g[i]!;
      sy += s[i]! * yv[i]!;
    }
    const done = Math.abs(f - fNew) <= tol * Math.max(1, Math.abs(f));
    x = xNew;
    g = gNew;
    f = fNew;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    if (done) break;
  }
  return x;
}

/** Fits weights and bias (the last coordinate, not penalised). */
export function fitLogReg(data: LogRegData, opts: LogRegOptions): LogRegModel {
  const { rows, y, weight, dim } = data;
  const prior = opts.prior ?? new Float64Array(dim);
  const penalty = opts.penalty;
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += weight[i]!;
  const x0 = new Float64Array(dim + 1);
  x0.set(prior);
  const fg = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const bias = x[dim]!;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const z = dot(row, x) + bias;
      const s = weight[i]! / total;
      const yi = y[i]!;
      loss += s * (yi === 1 ? log1pExp(-z) : log1pExp(z));
      const r = s * (sigmoid(z) - yi);
      for (let k = 0; k < row.idx.length; k++) grad[row.idx[k]!]! += r * row.val[k]!;
      grad[dim]! += r;
    }
    for (let j = 0; j < dim; j++) {
      const lam = opts.lambda * (penalty ? penalty[j]! : 1);
      const dw = x[j]! - prior[j]!;
      loss += 0.5 * lam * dw * dw;
      grad[j]! += lam * dw;
    }
    return loss;
  };
  const x = lbfgs(fg, x0, opts.maxIter ?? 300);
  return { w: x.subarray(0, dim), bias: x[dim]! };
}

export function predictLogit(m: LogRegModel, row: SparseRow): number {
  return dot(row, m.w) + m.bias;
}

export { sigmoid };

/**
 * A logistic regression whose weights keep the signs given (`sign[j]` +1: w ≥ 0, -1: w ≤ 0, 0: free),
 * by an active set: a weight that lands on the wrong side is pinned to zero (dropped from the problem)
 * and the fit repeated, and a pinned weight whose gradient points back to its own side is freed again.
 */
export function fitSignedLogReg(data: LogRegData, opts: LogRegOptions & { sign: Int8Array }): LogRegModel {
  const dim = data.dim;
  const pinned = new Uint8Array(dim);
  // How often each weight was freed: one that keeps going back to the wrong side stays pinned.
  const freed = new Uint8Array(dim);
  let w: Float64Array = new Float64Array(dim);
  let bias = 0;
  for (let round = 0; round < 4 * dim + 4; round++) {
    ({ w, bias } = fitFree(data, opts, pinned));
    let changed = false;
    for (let j = 0; j < dim; j++) {
      if (!pinned[j] && opts.sign[j]! !== 0 && w[j]! * opts.sign[j]! < 0) {
        pinned[j] = 1;
        changed = true;
      }
    }
    if (changed) continue;
    if (!pinned.includes(1)) break;
    // Free the pinned weight whose loss gradient at zero pulls hardest towards its own side.
    const grad = lossGradient(data, { w, bias }, opts);
    let worst = -1;
    let worstPull = 1e-7;
    for (let j = 0; j < dim; j++) {
      if (!pinned[j] || freed[j]! >= 2) continue;
      const pull = -grad[j]! * opts.sign[j]!;
      if (pull > worstPull) {
        worstPull = pull;
        worst = j;
      }
    }
    if (worst < 0) break;
    pinned[worst] = 0;
    freed[worst]!++;
  }
  for (let j = 0; j < dim; j++) if (pinned[j]) w[j] = 0;
  return { w, bias };
}

/** Fits the weights that are not pinned, the pinned ones held at zero (left out of the problem). */
function fitFree(data: LogRegData, opts: LogRegOptions, pinned: Uint8Array): LogRegModel {
  const dim = data.dim;
  if (!pinned.includes(1)) return fitLogReg(data, opts);
  const map = new Int32Array(dim).fill(-1);
  const free: number[] = [];
  for (let j = 0; j < dim; j++) if (!pinned[j]) map[j] = free.push(j) - 1;
  const rows = data.rows.map((row) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (let k = 0; k < row.idx.length; k++) {
      const m = map[row.idx[k]!]!;
      if (m >= 0) {
        idx.push(m);
        val.push(row.val[k]!);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
  const pick = (v: Float64Array | undefined): Float64Array | undefined => (v ? Float64Array.from(free, (j) => v[j]!) : undefined);
  const prior = pick(opts.prior);
  const penalty = pick(opts.penalty);
  const m = fitLogReg({ ...data, rows, dim: free.length }, { ...opts, ...(prior ? { prior } : {}), ...(penalty ? { penalty } : {}) });
  const w = new Float64Array(dim);
  free.forEach((j, i) => (w[j] = m.w[i]!));
  return { w, bias: m.bias };
}

/** The gradient of the loss at `m` for weights pinned at zero (the pull of their priors included). */
function lossGradient(data: LogRegData, m: LogRegModel, opts: LogRegOptions): Float64Array {
  const grad = new Float64Array(data.dim);
  let total = 0;
  for (let i = 0; i < data.rows.length; i++) total += data.weight[i]!;
  for (let i = 0; i < data.rows.length; i++) {
    const row = data.rows[i]!;
    const r = (data.weight[i]! / total) * (sigmoid(dot(row, m.w) + m.bias) - data.y[i]!);
    for (let k = 0; k < row.idx.length; k++) grad[row.idx[k]!]! += r * row.val[k]!;
  }
  const prior = opts.prior;
  for (let j = 0; j < data.dim; j++) grad[j]! -= opts.lambda * (opts.penalty ? opts.penalty[j]! : 1) * (prior ? prior[j]! : 0);
  return grad;
}
