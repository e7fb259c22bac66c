/**
 * The gradient check: the student's backprop (their `gradients`) against
 * central differences of their own `forward` and `loss`, layer by layer, with
 * the relative-error bands of exercise 08 (cs231n's). It needs no reference
 * solution: a correct backprop agrees with its own forward pass.
 */
import type { Layer, Vector } from "../../../exercises/types.ts";
import { cloneLayers } from "./network.ts";
import * as s from "./student.ts";

export const H = 1e-5;

/** cs231n: > 1e-2 probably wrong; 1e-4 … 1e-2 uncomfortable; below 1e-4 fine with kinks (relu), 1e-7 fine without. */
export type Band = "agree" | "uneasy" | "wrong";

export function band(relErr: number, kinks: boolean): Band {
  if (relErr > 1e-2) return "wrong";
  if (relErr > 1e-4) return "uneasy";
  if (relErr > 1e-7 && !kinks) return "uneasy";
  return "agree";
}

/** Below this size a difference of gradients is rounding, not a disagreement (ε is O(1), h = 1e-5). */
const FLOOR = 1e-9;

/**
 * The page's own comparison of two arrays, used while exercise 08 is not solved: ‖a − n‖ over the mean of ‖a‖ and
 * ‖n‖. Deliberately not exercise 08's relativeError (|a − n| / max(|a|, |n|) for two numbers): the student release
 * must not hand out that exercise's answer.
 */
export function arrayError(a: number[], n: number[]): number {
  let diff = 0;
  let na = 0;
  let nn = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - n[i]) ** 2;
    na += a[i] ** 2;
    nn += n[i] ** 2;
  }
  const scale = (Math.sqrt(na) + Math.sqrt(nn)) / 2;
  return scale < FLOOR ? 0 : Math.sqrt(diff) / scale;
}

export interface Numeric {
  dW: number[][][];
  db: number[][];
}

/** (ε(v + h) − ε(v − h)) / 2h for one number reached by get and set, left as it was. */
function central(eps: () => number, get: () => number, set: (v: number) => void): number {
  const v = get();
  set(v + H);
  const plus = eps();
  set(v - H);
  const minus = eps();
  set(v);
  return (plus - minus) / (2 * H);
}

/** dε/dW and dε/db by the page's own central differences of the student's forward and loss. */
export function numericGradients(fns: s.StudentFns, layers: Layer[], x: Vector, y: Vector): Numeric {
  const work = cloneLayers(layers);
  const eps = () => {
    const { a } = s.forward(fns, work, x);
    return s.loss(fns, a[a.length - 1], y);
  };
  return {
    dW: work.map((l) =>
      l.W.map((row) =>
        row.map((_, j) =>
          central(
            eps,
            () => row[j],
            (v) => (row[j] = v),
          ),
        ),
      ),
    ),
    db: work.map((l) =>
      l.b.map((_, j) =>
        central(
          eps,
          () => l.b[j],
          (v) => (l.b[j] = v),
        ),
      ),
    ),
  };
}

/**
 * dε/dŷ = ŷ − y for ε = ½‖ŷ − y‖², the page's own: used while the student's lossGradient (06) is not written, so
 * that deltas (05) can be run and checked before 06 is begun.
 */
export function errorGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((v, j) => v - y[j]);
}

/** What the check differentiates and compares with: the student's exercise 08 when it works, else the page's own. */
export interface Tools {
  /** The student's numericalGradient and relativeError (08) are used. */
  own: boolean;
  /** What the check uses, and why, in a sentence for the page. */
  note: string;
  /** dε/dW and dε/db by central differences of the student's forward and loss. */
  layerGradients(fns: s.StudentFns, layers: Layer[], x: Vector, y: Vector): Numeric;
  /** dε/dŷ by central differences of the student's loss. */
  outputGradient(fns: s.StudentFns, yHat: Vector, y: Vector): Vector;
  /** How far apart two arrays are, relative to their size; 0 for arrays of rounding size. */
  compare(a: number[], n: number[]): number;
}

const PAGE_TOOLS = {
  layerGradients: numericGradients,
  outputGradient(fns: s.StudentFns, yHat: Vector, y: Vector): Vector {
    const work = [...yHat];
    const eps = () => s.loss(fns, work, y);
    return work.map((_, j) =>
      central(
        eps,
        () => work[j],
        (v) => (work[j] = v),
      ),
    );
  },
  compare: arrayError,
};

function pageTools(why: string): Tools {
  return {
    own: false,
    note: `${why}: the check uses the page's own central differences and comparison.`,
    ...PAGE_TOOLS,
  };
}

/** The student's tools: numericalGradient over every parameter at once, relativeError entry by entry. */
function studentTools(fns: s.StudentFns): Tools {
  return {
    own: true,
    note: "Central differences by your numericalGradient and comparisons by your relativeError (exercise 08).",
    layerGradients(fns2, layers, x, y) {
      const work = cloneLayers(layers);
      const theta = work.flatMap((l) => [...l.W.flat(), ...l.b]);
      const eps = (t: Vector) => {
        let k = 0;
        for (const l of work) {
          for (const row of l.W) for (let j = 0; j < row.length; j++) row[j] = t[k++];
          for (let j = 0; j < l.b.length; j++) l.b[j] = t[k++];
        }
        const { a } = s.forward(fns2, work, x);
        return s.loss(fns2, a[a.length - 1], y);
      };
      const g = s.numericalGradient(fns, eps, theta);
      let k = 0;
      const take = (n: number) => g.slice(k, (k += n));
      return layers.reduce<Numeric>(
        (out, l) => {
          out.dW.push(l.W.map((row) => take(row.length)));
          out.db.push(take(l.b.length));
          return out;
        },
        { dW: [], db: [] },
      );
    },
    outputGradient: (fns2, yHat, y) => s.numericalGradient(fns, (v) => s.loss(fns2, v, y), [...yHat]),
    // Each entry's relative error, weighted by its size: Σ|a − n| / Σ max(|a|, |n|) when relativeError is right,
    // so entries of rounding size weigh nothing.
    compare(a, n) {
      let sum = 0;
      let weight = 0;
      for (let i = 0; i < a.length; i++) {
        const size = Math.max(Math.abs(a[i]), Math.abs(n[i]));
        if (size === 0) continue;
        sum += size * s.relativeError(fns, a[i], n[i]);
        weight += size;
      }
      return weight < FLOOR ? 0 : sum / weight;
    },
  };
}

/** The guide's worked examples for exercise 08: a student's 08 that gets them right is used. */
const PROBE_F = (x: Vector) => x[0] * x[0] + 3 * x[0] * x[1];
const PROBE_GRADIENT = [8, 3];
const PROBE_RELATIVE: [number, number, number][] = [
  [0, 0, 0],
  [1, 0, 1],
  [-2, 2, 2],
  [8, 8.000001, 0.000001 / 8.000001],
];

/** Whether the student's exercise 08 is solved, by the guide's worked examples; if not, why, in a sentence. */
function problemWith08(fns: s.StudentFns): string | undefined {
  if (fns.gradcheckProblem) return `Exercise 08 cannot be used (${fns.gradcheckProblem})`;
  try {
    const x = [1, 2];
    const g = s.numericalGradient(fns, PROBE_F, x);
    if (x[0] !== 1 || x[1] !== 2) return "Your numericalGradient (08) changes x";
    if (g.some((v, i) => Math.abs(v - PROBE_GRADIENT[i]) > 1e-6))
      return `Your numericalGradient (08) gives (${g.join(", ")}) for ∇(x₁² + 3x₁x₂) at (1, 2), not (8, 3)`;
    for (const [a, n, want] of PROBE_RELATIVE) {
      const got = s.relativeError(fns, a, n);
      if (Math.abs(got - want) > 1e-6 * want + 1e-15)
        return `Your relativeError (08) gives relativeError(${a}, ${n}) = ${got}, not ${want}`;
    }
    return undefined;
  } catch (error) {
    if (!(error instanceof s.FaultError)) throw error;
    const { fault } = error;
    if (fault.kind === "not-implemented" || fault.kind === "missing")
      return `Exercise 08 is not solved yet (${fault.fn} ${fault.kind === "missing" ? "is missing" : "is not implemented"})`;
    return `Your ${fault.fn} (08) fails on the guide's worked example (${fault.message})`;
  }
}

export function gradcheckTools(fns: s.StudentFns): Tools {
  const problem = problemWith08(fns);
  return problem ? pageTools(problem) : studentTools(fns);
}

/** The student's lossGradient (06) when it is written; otherwise the page's ŷ − y, and why. */
export function outputDelta(fns: s.StudentFns): {
  own: boolean;
  note?: string;
  of: (yHat: Vector, y: Vector) => Vector;
} {
  const page = (why: string) => ({ own: false, note: `${why}: the page uses dε/dŷ = ŷ − y.`, of: errorGradient });
  if (!fns.lossGradient) return page("06 has no lossGradient");
  try {
    s.lossGradient(fns, [0.5], [1]);
  } catch (error) {
    if (error instanceof s.FaultError && error.fault.kind === "not-implemented")
      return page("lossGradient (06) is not implemented yet");
    // Any other failure is the student's to see: the check calls it again and the banner names it.
  }
  return { own: true, of: (yHat, y) => s.lossGradient(fns, yHat, y) };
}

export interface LayerVerdict {
  /** 1 … L, the lecture's numbering. */
  layer: number;
  relErr: number;
  band: Band;
}

export interface CheckResult {
  layers: LayerVerdict[];
  /** The first layer, going back from the output as backprop does, whose gradient is wrong. */
  firstWrong?: number;
  /** The student's lossGradient (06) against central differences of their loss, when it is theirs. */
  lossGradient?: { relErr: number; band: Band };
  instances: number;
  /** What the check used and why: the student's 08 or the page's own, and whose dε/dŷ. */
  notes: string[];
}

/** Which instances to check: the one opened up and a few spread over the data. */
export function sampleInstances(m: number, pick: number, count = 4): number[] {
  const spread = Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * m) / count));
  return [...new Set([pick, ...spread])].filter((i) => i >= 0 && i < m);
}

export function gradientCheck(
  fns: s.StudentFns,
  layers: Layer[],
  xs: Vector[],
  ys: Vector[],
  which: number[],
  tools: Tools = gradcheckTools(fns),
): CheckResult {
  const kinks = layers.some((l) => l.activation.name === "relu" || l.activation.name === "leakyRelu");
  const dEdY = outputDelta(fns);
  const worst = layers.map(() => 0);
  let lossWorst = 0;
  for (const i of which) {
    const cache = s.forward(fns, layers, xs[i]);
    const yHat = cache.a[layers.length - 1];
    const dy = dEdY.of(yHat, ys[i]);
    // The loss gradient first: every δ starts from it, so a wrong one is named here, not in layer L.
    if (dEdY.own) lossWorst = Math.max(lossWorst, tools.compare(dy, tools.outputGradient(fns, yHat, ys[i])));
    // deltas on its own: a NaN or a wrong shape is then named where it starts, not in gradients.
    s.deltas(fns, layers, cache, dy);
    const analytic = s.gradients(fns, layers, xs[i], ys[i]);
    const numeric = tools.layerGradients(fns, layers, xs[i], ys[i]);
    layers.forEach((_, l) => {
      const a = [...analytic.dW[l].flat(), ...analytic.db[l]];
      const n = [...numeric.dW[l].flat(), ...numeric.db[l]];
      worst[l] = Math.max(worst[l], tools.compare(a, n));
    });
  }
  const verdicts = worst.map((relErr, l) => ({ layer: l + 1, relErr, band: band(relErr, kinks) }));
  const firstWrong = [...verdicts].reverse().find((v) => v.band === "wrong")?.layer;
  return {
    layers: verdicts,
    firstWrong,
    ...(dEdY.own ? { lossGradient: { relErr: lossWorst, band: band(lossWorst, false) } } : {}),
    instances: which.length,
    notes: [tools.note, ...(dEdY.note ? [dEdY.note] : [])],
  };
}
