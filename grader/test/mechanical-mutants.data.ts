/**
 * Internal to fixture-mutants.test.ts: the mechanical mutants no case can tell from the reference, and what the
 * diagnoser names on the others. Both are read by a person: each entry says why it holds.
 */

const ONE_ROW_MESSAGE = "describe() words an error's shapes; it differs only for a one-row or empty matrix";
const SAME_AT_ZERO = "both branches give the same value at z = 0";
const RETURN_TYPE = "a return type, erased at run time";
const FIRST_IS_LEAF = "order[0] is always a leaf (depth-first post-order), whose backwardStep does nothing";

/** Mutants no case can tell from the reference: exercise → mutated line → why. */
export const EQUIVALENT: Record<string, Record<string, string>> = {
  "01-linear-algebra": {
    "if (A.length >= 0 && Array.isArray(A[0])) {": ONE_ROW_MESSAGE,
    "if (A.length > 1 && Array.isArray(A[0])) {": ONE_ROW_MESSAGE,
    "if (A.length > 0 && Array.isArray(A[1])) {": ONE_ROW_MESSAGE,
    "if (A.length - 1 > 0 && Array.isArray(A[0])) {": ONE_ROW_MESSAGE,
    "if (A.length > 0 || Array.isArray(A[0])) {":
      "describe() words an error's shapes, and the cases check that an error names both lengths, not its words",
    "if (Array.isArray(a) || Array.isArray(b)) {": "the line before throws unless both or neither are arrays",
    "const cols = A.length === 0 ? 1 : A[0].length;": "the shape of an empty matrix, which no exercise passes",
    "for (let r = 1; r < A.length; r++) {": "row 0 sets the column count, so it always matches itself",
    // The guard is there for the empty matrix; dropping the check for one-row matrices is no slip a student makes.
    "if (A.length >= 0 && cols !== x.length) {": "differs only for an empty matrix times a non-empty x",
    "if (A.length > 1 && cols !== x.length) {": "differs only for a one-row matrix times an x of the wrong length",
    "if (A.length - 1 > 0 && cols !== x.length) {": "differs only for a one-row matrix times an x of the wrong length",
  },
  "02-perceptron": {
    "let w = options.w0 ? [...options.w0] : new Array<number>(xs[1]?.length ?? 0).fill(0);":
      "every instance has the same length",
    "let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 1).fill(0);":
      "differs only with no instances, which no exercise passes",
    "let w = options.w0 ? options.w0 : new Array<number>(xs[0]?.length ?? 0).fill(0);":
      "update builds a new array, so w0 is never written",
    "export function sgn(z: number): 0 | -1 {": RETURN_TYPE,
    "export function sgn(z: number): 1 | -0 {": RETURN_TYPE,
    "export function predict(w: Vector, x: Vector): 0 | -1 {": RETURN_TYPE,
    "export function predict(w: Vector, x: Vector): 1 | -0 {": RETURN_TYPE,
  },
  "03-activations": {
    "if (z > 0) return 1 / (1 + Math.exp(-z));": SAME_AT_ZERO,
    "if (z >= 1) return 1 / (1 + Math.exp(-z));": "both forms of σ are exact for 0 ≤ z < 1",
    "return z >= 0 ? z : 0;": SAME_AT_ZERO,
    "return z >= 0 ? z : alpha * z;": SAME_AT_ZERO,
  },
  "06-gradients": {
    "const db = delta.map((d) => d);": "δ is not returned, so db sharing its arrays changes nothing",
  },
  "09-autodiff": {
    "const s = z > 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));": SAME_AT_ZERO,
    "const s = z >= 1 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));":
      "both forms of σ are exact for 0 ≤ z < 1",
    "const out = new Value(this.data >= 0 ? this.data : 0, [this]);": SAME_AT_ZERO,
    "for (let i = order.length - 1; i > 0; i--) order[i].backwardStep();": FIRST_IS_LEAF,
    "for (let i = order.length - 1; i >= 1; i--) order[i].backwardStep();": FIRST_IS_LEAF,
  },
};

/**
 * Mutants that lose points on hidden cases only, so `check` passes them: exercise → mutated line → why no public case
 * catches it. Keep it short: a slip a student can make should fail a public case.
 */
export const HIDDEN_ONLY: Record<string, Record<string, string>> = {};

/**
 * What the diagnoser names on each mechanical mutant that it names anything on: exercise → mutated line → the ids
 * named on any of its cases. Each was read and judged true of the mutant's output on the cases it is named on (a
 * sgn that is always +1 does return +1 at 0); a change here is a change in what students are told, to be read again.
 */
export const NAMED: Record<string, Record<string, string[]>> = {
  "01-linear-algebra": {
    // v has one entry in the case it is named on: u / v is u scaled by 1/v there.
    "return u.map((ui) => v.map((vj) => ui / vj));": ["relation-scaled"],
  },
  "02-perceptron": {
    "return z >= 0 ? 1 : -1;": ["sgn-zero-positive"],
    "return z > 0 ? 1 : 1;": ["sgn-zero-positive"],
    "return w.map((wi, i) => wi - step * x[i]);": ["perceptron-update-sign"],
    // Never converged except when instance 1 is the first misclassified: the run is that of a PLA that checks the
    // limit first, on the case that converges on its last allowed update.
    "if (i === 1) return { w, iterations: t, converged: true, history };": ["pla-limit-before-convergence"],
  },
  "03-activations": {
    "return z >= 0 ? 1 : 0;": ["relu-prime-zero-one"],
    "const sum = exps.reduce((s, e) => s - e, 0);": ["relation-negated"],
    "const sum = exps.reduce((s, e) => s + e, 1);": ["relation-scaled"],
    "const exps = z.map((zi) => Math.exp(zi + max));": ["softmax-naive"],
    "const max = Math.min(...z);": ["softmax-naive"],
    "return 1 - t / t;": ["relation-zeros"],
    "return z > 0 ? 0 : 0;": ["relation-zeros"],
    "return 0;": ["relation-zeros"],
  },
  "04-forward": {
    // With one input per unit, sum = W·a is the weighted sum without its bias.
    "for (let r = 0; r < aPrev.length; r++) sum = W[r][j] * aPrev[r];": ["forward-no-bias"],
    "let sum = 0;": ["forward-no-bias"],
    "for (let r = 0; r < aPrev.length; r++) sum += W[j][r] * aPrev[r];": ["forward-w-not-transposed"],
    "(left out) aPrev = al;": ["relation-x-for-a-prev"],
  },
  "05-delta": {
    "for (let j = 0; j < dNext.length; j++) back += Wnext[j][r] * dNext[j];": ["delta-w-transposed"],
  },
  "06-gradients": {
    "const dW = delta.map((d, i) => weightGradient(i === 0 ? x : cache.a[i - 0], d));": ["grad-uses-a-l"],
    "const dW = delta.map((d, i) => weightGradient(i === 0 ? x : cache.a[i], d));": ["grad-uses-a-l"],
    "return sum / 1;": ["relation-scaled"],
  },
  "07-gradient-descent": {
    "W: layer.W.map((row, r) => row.map((w, j) => w + eta * grads.dW[i][r][j])),": ["sgd-ascent"],
    "b: layer.b.map((b, j) => b + eta * grads.db[i][j]),": ["sgd-ascent"],
    "(left out) current = sgdStep(current, gradients(current, xs[i], ys[i]), options.eta);": ["relation-no-update"],
    "(left out) total += loss(a[a.length - 1], ys[i]);": ["relation-zeros"],
  },
  "08-gradient-check": {
    "return scale !== 0 ? 0 : Math.abs(a - n) / scale;": ["relation-zeros", "relerr-no-guard"],
    "return scale === 1 ? 0 : Math.abs(a - n) / scale;": ["relerr-no-guard"],
    "const scale = Math.min(Math.abs(a), Math.abs(n));": ["relation-zeros", "relerr-no-max"],
    "const scale = Math.max(Math.abs(a), (n));": ["relation-zeros"],
    "return scale === 0 ? 0 : (a - n) / scale;": ["relation-negated"],
    // h/2 for 2h: values of order h², zeros to the case's tolerance where the slope is small.
    "return (f(plus) - f(minus)) / (2 / h);": ["relation-scaled"],
    "return (f(plus) - f(minus)) / (1 * h);": ["relation-scaled"],
    "minus[i] += h;": ["relation-zeros"],
  },
  "09-autodiff": {
    "this.grad += (this.data >= 0 ? 1 : 0) * out.grad;": ["relu-prime-zero-one"],
    // Always 1: named only where every relu's input is ≥ 0.
    "this.grad += (this.data > 0 ? 1 : 1) * out.grad;": ["relu-prime-zero-one"],
    "o.grad = this.data * out.grad;": ["autodiff-overwrite-grad"],
    "this.grad = k * this.data ** (k - 1) * out.grad;": ["autodiff-overwrite-grad"],
    "this.grad = (1 - t * t) * out.grad;": ["autodiff-overwrite-grad"],
    "this.grad = 0;": ["relation-zeros"],
    "(left out) this.grad = 1;": ["relation-zeros"],
  },
};
