/**
 * Internal. The lecture's PLA with the classification and the update given: the neighbours' PLA (neighbours.ts) and
 * the catalogue's carried ones (mistakes/carried-perceptron.ts) are the same four steps with one of them changed.
 */
type Vec = number[];

export interface PlaRun {
  w: Vec;
  iterations: number;
  converged: boolean;
  history: Vec[];
}

export interface PlaOptionsIn {
  eta?: number;
  maxIterations?: number;
  w0?: Vec;
}

export type Update = (w: Vec, x: Vec, y: number, yHat: number, eta: number) => Vec;

/** The lecture's rule, w ← w + η(y − ŷ)x. */
export const lectureUpdate: Update = (w, x, y, yHat, eta) => w.map((wi, i) => wi + eta * (y - yHat) * x[i]);

export function plaRun(
  xs: Vec[],
  ys: number[],
  options: PlaOptionsIn,
  classify: (s: number) => 1 | -1,
  update: Update = lectureUpdate,
): PlaRun {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 0).fill(0);
  const history: Vec[] = [];
  const predict = (x: Vec) => classify(w.reduce((s, wi, i) => s + wi * x[i], 0));
  for (let t = 0; ; t++) {
    const i = xs.findIndex((x, k) => predict(x) !== ys[k]);
    if (i === -1) return { w, iterations: t, converged: true, history };
    if (t === maxIterations) return { w, iterations: t, converged: false, history };
    w = update(w, xs[i], ys[i], predict(xs[i]), eta);
    history.push(w);
  }
}
