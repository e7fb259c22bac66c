/**
 * Internal. Turns a case's JSON arguments into the values an exercise function
 * takes, calls it, and turns what it returns into plain data.
 *
 * The same adapters run inside the sandbox (on a student's module) and on the
 * trusted side (on the reference solutions when fixtures are generated, and on
 * the misconception catalogue), so every implementation sees identical inputs.
 */
import type { Layer, Vector } from "../../exercises/types.ts";
import { activation } from "./activations.ts";
import { apply, arrayOf, hasOwn, isArray, ownValue } from "./intrinsics.ts";
import { buildLayers, passLayers, type LayerJson } from "./passed.ts";
import { buildTestFunction, type TestFunction } from "./testfns.ts";

export { buildLayers, type LayerJson };

// Adapters run after student code has loaded (inside the sandbox): they use the built-ins
// captured in intrinsics.ts and plain syntax only, never a method, spread or for-of.

export type Module = Record<string, unknown>;
/** What the trusted side gets from a call: the answer as data, and the kit's counts. */
export interface CallOutcome {
  value: unknown;
  meta?: Record<string, number>;
}

/** A call as the harness sees it: every read of the answer, and so every getter in it, is left to the harness. */
export interface Called {
  /** What the function returned, not yet read. */
  value: unknown;
  /** Turns it into the data the checks compare (this reads the answer). */
  present?: (value: unknown) => unknown;
  /**
   * The kit's own counts (gPrimeCalls, evaluations), read when asked: the harness asks after
   * it has read the answer, so work that a getter in the answer does is counted too.
   */
  meta?: () => Record<string, number>;
  /** The arguments in the case's own form as they are now, for a purity check (else the arguments themselves). */
  readBack?: () => unknown[];
}
type Adapter = (mod: Module, args: unknown[], fn: string) => Called;

/** A step of an autodiff program: [op, node, node-or-constant?]. Node i is inputs[i], then one node per op. */
export type AutodiffOp =
  | ["add" | "mul", number, number]
  | ["addConst" | "mulConst" | "pow", number, number]
  | ["tanh" | "sigmoid" | "relu", number];
export interface AutodiffProgram {
  inputs: number[];
  ops: AutodiffOp[];
}

export class AdapterError extends Error {
  readonly code = "ADAPTER";
}

/** The student's module lacks a name the kit calls. Its `name` is what the grader recognises it by. */
export class MissingExportError extends AdapterError {
  override readonly name = MISSING_EXPORT;
  constructor(readonly exportName: string) {
    super(exportName);
  }
}

/** The error name a missing export travels under; its message is the name itself. */
export const MISSING_EXPORT = "MissingExport";

function callable(mod: Module, name: string): (...args: unknown[]) => unknown {
  const fn = mod[name];
  if (typeof fn !== "function") throw new MissingExportError(name);
  return fn as (...args: unknown[]) => unknown;
}

/** The arguments with the first one replaced: what an adapter that builds something passes on. */
function withFirst(args: unknown[], first: unknown): unknown[] {
  return arrayOf(args.length, (i) => (i === 0 ? first : args[i]));
}

/** Longest array an adapter walks in an answer: anything longer is no answer, and toWire tags it. */
const MAX_WALK = 1_000_000;

/**
 * W, b and the activation's name cross back: the functions stay in the sandbox, but "same activations" is part of
 * sgdStep's and train's contract, and a layer that comes back with another activation (or none) must show it.
 */
function layersToData(layers: unknown): unknown {
  if (!isArray(layers) || layers.length > MAX_WALK) return layers;
  return arrayOf(layers.length, (i) => {
    const l = layers[i] as Layer;
    return l && typeof l === "object" ? { W: l.W, b: l.b, activation: activationName(l.activation) } : l;
  });
}

/** The name of an activation object; anything else (a bare name, a function, nothing) is no activation: null. */
function activationName(a: unknown): unknown {
  return a !== null && typeof a === "object" ? (a as { name?: unknown }).name : null;
}

function trainingToData(result: unknown): unknown {
  if (!result || typeof result !== "object") return result;
  const { layers, losses } = result as { layers?: unknown; losses?: unknown };
  return { layers: layersToData(layers), losses };
}

const direct: Adapter = (mod, args, fn) => ({ value: apply(callable(mod, fn), undefined, args) });

/** Exercise 03's scalar functions are checked on a batch of z values at once. */
const elementwise: Adapter = (mod, args, fn) => {
  const f = callable(mod, fn);
  const zs = args[0] as number[];
  return { value: arrayOf(zs.length, (k) => apply(f, undefined, withFirst(args, zs[k]))) };
};

/** Calls fn on the case's layers built into layer objects; a purity check reads those objects back. */
function onLayers(mod: Module, args: unknown[], fn: string): { value: unknown; readBack: () => unknown[] } {
  const { layers, readBack } = passLayers(args[0] as LayerJson[]);
  const value = apply(callable(mod, fn), undefined, withFirst(args, layers));
  return { value, readBack: () => withFirst(args, readBack()) };
}

const withLayers: Adapter = (mod, args, fn) => onLayers(mod, args, fn);

/** The counter is bookkeeping the grader relies on: a closure student code cannot reach. */
const countedDeltas: Adapter = (mod, args, fn) => {
  const json = args[0] as LayerJson[];
  let gPrimeCalls = 0;
  const layers: Layer[] = arrayOf(json.length, (i) => {
    const { name, g, gPrime: inner } = activation(json[i].activation);
    const gPrime = (z: number) => {
      gPrimeCalls++;
      return inner(z);
    };
    return { W: json[i].W, b: json[i].b, activation: { name, g, gPrime } };
  });
  const value = apply(callable(mod, fn), undefined, withFirst(args, layers));
  return { value, meta: () => ({ gPrimeCalls }) };
};

const sgdStep: Adapter = (mod, args, fn) => {
  return { ...onLayers(mod, args, fn), present: layersToData };
};

const train: Adapter = (mod, args, fn) => {
  return { ...onLayers(mod, args, fn), present: trainingToData };
};

const numericalGradient: Adapter = (mod, args, fn) => {
  const f = buildTestFunction(args[0] as TestFunction);
  let evaluations = 0;
  const counted = (v: Vector) => {
    evaluations++;
    return f(v);
  };
  return { value: apply(callable(mod, fn), undefined, withFirst(args, counted)), meta: () => ({ evaluations }) };
};

/** Builds the program's graph with the module's Value class, runs backward on the last node. */
const autodiff: Adapter = (mod, args) => {
  const program = args[0] as AutodiffProgram;
  const ValueClass = mod.Value as (new (data: number) => AutodiffNode) | undefined;
  if (typeof ValueClass !== "function") throw new MissingExportError("Value");
  const { inputs, ops } = program;
  // Node i is inputs[i], then one node per op: a plain array the kit fills by index.
  const nodes: AutodiffNode[] = arrayOf(inputs.length + ops.length, () => undefined as unknown as AutodiffNode);
  for (let i = 0; i < inputs.length; i++) nodes[i] = new ValueClass(inputs[i]);
  for (let k = 0; k < ops.length; k++) {
    const step = ops[k];
    const op = step[0];
    const node = nodes[step[1]];
    const j = step[2] as number;
    let next: AutodiffNode;
    if (op === "add" || op === "mul") next = node[op](nodes[j]);
    else if (op === "addConst") next = node.add(j);
    else if (op === "mulConst") next = node.mul(j);
    else if (op === "pow") next = node.pow(j);
    else next = node[op]();
    nodes[inputs.length + k] = next;
  }
  nodes[nodes.length - 1].backward();
  return {
    value: {
      data: arrayOf(nodes.length, (i) => nodes[i].data),
      grad: arrayOf(nodes.length, (i) => nodes[i].grad),
    },
  };
};

interface AutodiffNode {
  data: number;
  grad: number;
  add(o: AutodiffNode | number): AutodiffNode;
  mul(o: AutodiffNode | number): AutodiffNode;
  pow(k: number): AutodiffNode;
  tanh(): AutodiffNode;
  sigmoid(): AutodiffNode;
  relu(): AutodiffNode;
  backward(): void;
}

const ELEMENTWISE = [
  "sigmoid",
  "sigmoidPrime",
  "tanh",
  "tanhPrime",
  "relu",
  "reluPrime",
  "leakyRelu",
  "leakyReluPrime",
  "identity",
  "identityPrime",
];

/** Every callable name per exercise, with its adapter. Anything absent here cannot be called. */
export const ADAPTERS: Record<string, Record<string, Adapter>> = {
  "01-linear-algebra": {
    shape: direct,
    dot: direct,
    transpose: direct,
    matVec: direct,
    outer: direct,
    hadamard: direct,
  },
  "02-perceptron": { sgn: direct, predict: direct, update: direct, pla: direct },
  "03-activations": {
    ...Object.fromEntries(ELEMENTWISE.map((name) => [name, elementwise])),
    softmax: direct,
    softmaxJacobian: direct,
  },
  "04-forward": { forward: withLayers },
  "05-delta": { deltas: countedDeltas },
  "06-gradients": { weightGradient: direct, loss: direct, lossGradient: direct, gradients: withLayers },
  "07-gradient-descent": { sgdStep, train },
  "08-gradient-check": { numericalGradient, relativeError: direct },
  "09-autodiff": { autodiff },
};

/**
 * Calls one case on a module. Throws whatever the implementation throws.
 * Whether it changed its arguments is decided on the trusted side, from the
 * arguments as the harness reads them back (readBack) and sends them (see harness.ts).
 */
export function call(exercise: string, fn: string, mod: Module, args: unknown[]): Called {
  const table = hasOwn(ADAPTERS, exercise) ? ADAPTERS[exercise] : undefined;
  const adapter = table && hasOwn(table, fn) ? (ownValue(table, fn, undefined) as Adapter) : undefined;
  if (!adapter) throw new AdapterError(`no adapter for ${exercise}/${fn}`);
  return adapter(mod, args, fn);
}

/** Calls one case on a module, on the trusted side: the answer as data, and the kit's counts. */
export function invoke(exercise: string, fn: string, mod: Module, args: unknown[]): CallOutcome {
  const called = call(exercise, fn, mod, args);
  const value = called.present ? called.present(called.value) : called.value;
  return called.meta ? { value, meta: called.meta() } : { value };
}
