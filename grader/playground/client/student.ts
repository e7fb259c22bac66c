/**
 * The student's functions, called through guards: each call that throws,
 * returns the wrong shape or produces NaN becomes a Fault that names the
 * function, its file and what went wrong, so the page can say so in place.
 */
import type { ForwardCache, Gradients, Layer, Vector } from "../../../exercises/types.ts";

export type FaultKind = "compile" | "missing" | "not-implemented" | "threw" | "shape" | "nan";

export interface Fault {
  kind: FaultKind;
  /** The student's function, e.g. "deltas"; empty for a compile error. */
  fn: string;
  /** Its file, relative to the implementation folder. */
  file: string;
  message: string;
}

export class FaultError extends Error {
  constructor(readonly fault: Fault) {
    super(fault.message);
  }
}

const FILES: Record<string, string> = {
  forward: "04-forward/forward.ts",
  deltas: "05-delta/delta.ts",
  gradients: "06-gradients/gradients.ts",
  loss: "06-gradients/gradients.ts",
  lossGradient: "06-gradients/gradients.ts",
  sgdStep: "07-gradient-descent/descent.ts",
  train: "07-gradient-descent/descent.ts",
  numericalGradient: "08-gradient-check/gradcheck.ts",
  relativeError: "08-gradient-check/gradcheck.ts",
};

type Fn = (...args: never[]) => unknown;
type FnName =
  | "forward"
  | "deltas"
  | "gradients"
  | "loss"
  | "lossGradient"
  | "sgdStep"
  | "train"
  | "numericalGradient"
  | "relativeError";
export type StudentFns = { [K in FnName]?: Fn } & {
  /** Why exercise 08 is not in the student's bundle (missing, or it does not compile), when it is not. */
  gradcheckProblem?: string;
};

interface CompileProblem {
  file: string;
  line: number;
  column: number;
  text: string;
}

/** Imports the student's code as rebuilt by the server; a compile error comes back as data. */
export async function loadStudent(version: number): Promise<StudentFns | Fault> {
  // The browser resolves this URL against the page; vite-ignore keeps vitest (which loads this file in Node) quiet.
  const mod = (await import(/* @vite-ignore */ `/student.js?v=${version}`)) as Record<string, unknown>;
  const problems = mod.compileProblems as CompileProblem[] | undefined;
  if (problems) {
    const p = problems[0];
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column + 1}` : p.file;
    return { kind: "compile", fn: "", file: p.file, message: `${where}: ${p.text}` };
  }
  const ns = (id: string) => (mod[id] ?? {}) as Record<string, unknown>;
  const pick = (m: Record<string, unknown>, name: string) =>
    typeof m[name] === "function" ? (m[name] as Fn) : undefined;
  return {
    forward: pick(ns("m04"), "forward"),
    deltas: pick(ns("m05"), "deltas"),
    gradients: pick(ns("m06"), "gradients"),
    loss: pick(ns("m06"), "loss"),
    lossGradient: pick(ns("m06"), "lossGradient"),
    sgdStep: pick(ns("m07"), "sgdStep"),
    train: pick(ns("m07"), "train"),
    numericalGradient: pick(ns("m08"), "numericalGradient"),
    relativeError: pick(ns("m08"), "relativeError"),
    ...(typeof mod.gradcheckProblem === "string" ? { gradcheckProblem: mod.gradcheckProblem } : {}),
  };
}

function fail(fn: string, kind: FaultKind, message: string): never {
  throw new FaultError({ kind, fn, file: FILES[fn], message });
}

function call<T>(fns: StudentFns, name: string, args: unknown[]): T {
  const f = (fns as unknown as Record<string, Fn | undefined>)[name];
  if (!f) fail(name, "missing", `${FILES[name]} does not export a function named ${name}`);
  try {
    return (f as (...a: unknown[]) => T)(...args);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // A stub's own message names the function, which may be one this one calls (train calls sgdStep).
    const stub = /not implemented:?\s*(\w+)?/i.exec(message);
    if (stub) {
      const which = stub[1] && stub[1] in FILES ? stub[1] : name;
      fail(which, "not-implemented", message);
    }
    fail(name, "threw", message);
  }
}

const describe = (v: unknown): string =>
  Array.isArray(v)
    ? Array.isArray(v[0])
      ? `a ${v.length}×${(v[0] as unknown[]).length} matrix`
      : `a vector of length ${v.length}`
    : v === undefined
      ? "undefined"
      : typeof v;

function vector(fn: string, what: string, v: unknown, n: number): Vector {
  if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== "number"))
    fail(fn, "shape", `${what} should be a vector of length ${n}, got ${describe(v)}`);
  if (v.some((x) => !Number.isFinite(x))) fail(fn, "nan", `${what} holds ${v.find((x) => !Number.isFinite(x))}`);
  return v as Vector;
}

function matrix(fn: string, what: string, m: unknown, rows: number, cols: number): number[][] {
  if (!Array.isArray(m) || m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols))
    fail(fn, "shape", `${what} should be a ${rows}×${cols} matrix, got ${describe(m)}`);
  (m as unknown[][]).forEach((row, r) => vector(fn, `${what} row ${r}`, row, cols));
  return m as number[][];
}

const shapeOf = (layers: Layer[]) => [layers[0].W.length, ...layers.map((l) => l.b.length)];

export function forward(fns: StudentFns, layers: Layer[], x: Vector): ForwardCache {
  const out = call<ForwardCache>(fns, "forward", [layers, x]);
  const n = shapeOf(layers);
  if (!out || !Array.isArray(out.f) || !Array.isArray(out.a) || out.a.length !== layers.length)
    fail("forward", "shape", `forward should return { f, a } with ${layers.length} vectors each`);
  layers.forEach((_, i) => {
    vector("forward", `f[${i}] (f^[${i + 1}])`, out.f[i], n[i + 1]);
    vector("forward", `a[${i}] (a^[${i + 1}])`, out.a[i], n[i + 1]);
  });
  return out;
}

/** ŷ for one input, checked only for being a finite number: for the heatmap's many cells. */
export function prediction(fns: StudentFns, layers: Layer[], x: Vector): number {
  const out = call<ForwardCache>(fns, "forward", [layers, x]);
  const yHat = out?.a?.[layers.length - 1]?.[0];
  if (typeof yHat !== "number") fail("forward", "shape", `a[${layers.length - 1}] (ŷ) should hold a number`);
  if (!Number.isFinite(yHat)) fail("forward", "nan", `ŷ = ${yHat} at x = (${x.join(", ")})`);
  return yHat;
}

export function loss(fns: StudentFns, yHat: Vector, y: Vector): number {
  const e = call<number>(fns, "loss", [yHat, y]);
  if (typeof e !== "number") fail("loss", "shape", `loss should return a number, got ${describe(e)}`);
  if (!Number.isFinite(e)) fail("loss", "nan", `loss returned ${e}`);
  return e;
}

export function lossGradient(fns: StudentFns, yHat: Vector, y: Vector): Vector {
  return vector("lossGradient", "lossGradient (dε/dŷ)", call(fns, "lossGradient", [yHat, y]), yHat.length);
}

export function numericalGradient(fns: StudentFns, f: (x: Vector) => number, x: Vector): Vector {
  return vector("numericalGradient", "numericalGradient", call(fns, "numericalGradient", [f, x]), x.length);
}

export function relativeError(fns: StudentFns, a: number, n: number): number {
  const r = call<number>(fns, "relativeError", [a, n]);
  if (typeof r !== "number") fail("relativeError", "shape", `relativeError should return a number, got ${describe(r)}`);
  if (!Number.isFinite(r)) fail("relativeError", "nan", `relativeError(${a}, ${n}) returned ${r}`);
  return r;
}

export function deltas(fns: StudentFns, layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const out = call<Vector[]>(fns, "deltas", [layers, cache, dEdYhat]);
  if (!Array.isArray(out) || out.length !== layers.length)
    fail("deltas", "shape", `deltas should return ${layers.length} vectors, got ${describe(out)}`);
  return layers.map((l, i) => vector("deltas", `deltas[${i}] (δ^[${i + 1}])`, out[i], l.b.length));
}

function checkGradients(fn: string, g: Gradients, layers: Layer[]): Gradients {
  if (!g || !Array.isArray(g.dW) || !Array.isArray(g.db) || g.dW.length !== layers.length)
    fail(fn, "shape", `gradients should return { dW, db } with ${layers.length} entries each`);
  layers.forEach((l, i) => {
    matrix(fn, `dW[${i}] (dε/dW^[${i + 1}])`, g.dW[i], l.W.length, l.b.length);
    vector(fn, `db[${i}] (dε/db^[${i + 1}])`, g.db[i], l.b.length);
  });
  return g;
}

export function gradients(fns: StudentFns, layers: Layer[], x: Vector, y: Vector): Gradients {
  return checkGradients("gradients", call<Gradients>(fns, "gradients", [layers, x, y]), layers);
}

function checkLayers(fn: string, out: unknown, like: Layer[]): Layer[] {
  if (!Array.isArray(out) || out.length !== like.length)
    fail(fn, "shape", `${fn} should return ${like.length} layers, got ${describe(out)}`);
  return like.map((l, i) => {
    const o = out[i] as Layer;
    if (!o || typeof o.activation?.g !== "function")
      fail(fn, "shape", `layer ${i + 1} lost its activation: keep each layer's activation as it was`);
    matrix(fn, `W^[${i + 1}]`, o.W, l.W.length, l.b.length);
    vector(fn, `b^[${i + 1}]`, o.b, l.b.length);
    return o;
  });
}

export function sgdStep(fns: StudentFns, layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return checkLayers("sgdStep", call(fns, "sgdStep", [layers, grads, eta]), layers);
}

export function trainEpoch(fns: StudentFns, layers: Layer[], xs: Vector[], ys: Vector[], eta: number) {
  const out = call<{ layers: Layer[]; losses: number[] }>(fns, "train", [layers, xs, ys, { eta, epochs: 1 }]);
  if (!out || !Array.isArray(out.losses) || out.losses.length !== 1)
    fail("train", "shape", "train with epochs: 1 should return { layers, losses } with one loss");
  if (!Number.isFinite(out.losses[0])) fail("train", "nan", `train's loss after the epoch is ${out.losses[0]}`);
  return { layers: checkLayers("train", out.layers, layers), loss: out.losses[0] };
}
