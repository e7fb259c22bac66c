/**
 * Internal. What each exercise function takes and returns, as zod schemas.
 * Fixture arguments are validated against `args` when fixtures load; what a
 * student's function returns is validated against `output` before any check,
 * so a number where a matrix was due is a clear failure, not a crash.
 */
import * as z from "zod";
import { ACTIVATION_NAMES } from "../sandbox/activations.ts";

// Arguments come from our fixtures: finite numbers only.
const num = z.number();
const vec = z.array(num);
const mat = z.array(vec);
const layer = z.object({ W: mat, b: vec, activation: z.enum(ACTIVATION_NAMES as [string, ...string[]]) });
const layers = z.array(layer).min(1);
const cache = z.object({ f: z.array(vec), a: z.array(vec) });
const grads = z.object({ dW: z.array(mat), db: z.array(vec) });
const testFn = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("quadratic"), A: mat, b: vec }),
  z.object({ kind: z.literal("sinProduct") }),
  z.object({ kind: z.literal("logSumExp") }),
  z.object({ kind: z.literal("rosenbrock") }),
  z.object({ kind: z.literal("tanhSum"), w: vec }),
]);
const op = z.union([
  z.tuple([z.enum(["add", "mul"]), z.number().int().min(0), z.number().int().min(0)]),
  z.tuple([z.enum(["addConst", "mulConst", "pow"]), z.number().int().min(0), num]),
  z.tuple([z.enum(["tanh", "sigmoid", "relu"]), z.number().int().min(0)]),
]);
const program = z.object({ inputs: vec.min(1), ops: z.array(op).min(1) });

// Outputs come from students: any number, NaN and ±Infinity included, so the
// check can say "received NaN" instead of a type error.
const anyNum = z.custom<number>((v) => typeof v === "number", "expected a number").describe("a number");
const oVec = z.array(anyNum).describe("a vector (number[])");
const oMat = z.array(oVec).describe("a matrix (number[][])");
const oLayers = z.array(z.object({ W: oMat, b: oVec })).describe("a list of layers");
const sign = z.custom<number>((v) => v === 1 || v === -1, "expected +1 or −1").describe("+1 or −1");

export interface Signature {
  args: z.ZodType;
  output: z.ZodType;
  /** The arguments' names, for the brief input shown with a failure. */
  names?: string[];
}

export const SIGNATURES: Record<string, Record<string, Signature>> = {
  "01-linear-algebra": {
    shape: { names: ["A"], args: z.tuple([mat]), output: z.tuple([anyNum, anyNum]).describe("[rows, cols]") },
    dot: { names: ["w", "x"], args: z.tuple([vec, vec]), output: anyNum },
    transpose: { names: ["A"], args: z.tuple([mat]), output: oMat },
    matVec: { names: ["A", "x"], args: z.tuple([mat, vec]), output: oVec },
    outer: { names: ["u", "v"], args: z.tuple([vec, vec]), output: oMat },
    hadamard: {
      names: ["A", "B"],
      // A matrix paired with a vector too: the guide asks for a shape error there.
      args: z.union([z.tuple([vec, vec]), z.tuple([mat, mat]), z.tuple([mat, vec]), z.tuple([vec, mat])]),
      output: z.union([oVec, oMat]),
    },
  },
  "02-perceptron": {
    sgn: { names: ["z"], args: z.tuple([num]), output: sign },
    predict: { names: ["w", "x"], args: z.tuple([vec, vec]), output: sign },
    update: { names: ["w", "x", "y", "ŷ", "η"], args: z.tuple([vec, vec, num, num, num]), output: oVec },
    pla: {
      names: ["xs", "ys", "options"],
      args: z.tuple([
        mat,
        vec,
        z.object({ eta: num.optional(), maxIterations: z.number().int().optional(), w0: vec.optional() }),
      ]),
      output: z.object({ w: oVec, iterations: anyNum, converged: z.boolean(), history: z.array(oVec) }),
    },
  },
  "03-activations": {
    ...Object.fromEntries(
      ["sigmoid", "sigmoidPrime", "tanh", "tanhPrime", "relu", "reluPrime", "identity", "identityPrime"].map((fn) => [
        fn,
        { names: ["z"], args: z.tuple([vec]), output: oVec },
      ]),
    ),
    leakyRelu: { names: ["z", "α"], args: z.union([z.tuple([vec]), z.tuple([vec, num])]), output: oVec },
    leakyReluPrime: { names: ["z", "α"], args: z.union([z.tuple([vec]), z.tuple([vec, num])]), output: oVec },
    softmax: { names: ["z"], args: z.tuple([vec.min(1)]), output: oVec },
    softmaxJacobian: { names: ["z"], args: z.tuple([vec.min(1)]), output: oMat },
  },
  "04-forward": {
    forward: {
      names: ["layers", "x"],
      args: z.tuple([layers, vec]),
      output: z.object({ f: z.array(oVec), a: z.array(oVec) }),
    },
  },
  "05-delta": {
    deltas: {
      names: ["layers", "cache", "dε/dŷ"],
      args: z.tuple([layers, cache, vec]),
      output: z.array(oVec).describe("a list of vectors"),
    },
  },
  "06-gradients": {
    weightGradient: { names: ["a^[l-1]", "δ^[l]"], args: z.tuple([vec, vec]), output: oMat },
    loss: { names: ["ŷ", "y"], args: z.tuple([vec, vec]), output: anyNum },
    lossGradient: { names: ["ŷ", "y"], args: z.tuple([vec, vec]), output: oVec },
    gradients: {
      names: ["layers", "x", "y"],
      args: z.tuple([layers, vec, vec]),
      output: z.object({ dW: z.array(oMat), db: z.array(oVec) }),
    },
  },
  "07-gradient-descent": {
    sgdStep: { names: ["layers", "grads", "η"], args: z.tuple([layers, grads, num]), output: oLayers },
    train: {
      names: ["layers", "xs", "ys", "options"],
      args: z.tuple([layers, mat, mat, z.object({ eta: num, epochs: z.number().int().positive() })]),
      output: z.object({ layers: oLayers, losses: oVec }),
    },
  },
  "08-gradient-check": {
    numericalGradient: {
      names: ["f", "x", "h"],
      args: z.union([z.tuple([testFn, vec]), z.tuple([testFn, vec, num])]),
      output: oVec,
    },
    relativeError: { names: ["a", "n"], args: z.tuple([num, num]), output: anyNum },
  },
  "09-autodiff": {
    autodiff: { names: ["program"], args: z.tuple([program]), output: z.object({ data: oVec, grad: oVec }) },
  },
};
