/**
 * Internal. Turns a case's JSON arguments into the values an exercise function
 * takes, calls it, and turns what it returns into plain data.
 *
 * The same adapters run inside the sandbox (on a student's module) and on the
 * trusted side (on the reference solutions when fixtures are generated, and on
 * the misconception catalogue), so every implementation sees identical inputs.
 */
import type { ActivationName, Layer, Matrix, Vector } from "../../exercises/types.ts";
import { activation } from "./activations.ts";
import { buildTestFunction, type TestFunction } from "./testfns.ts";

export type Module = Record<string, unknown>;
export interface CallOutcome {
  value: unknown;
  meta?: Record<string, unknown>;
}
type Adapter = (mod: Module, args: unknown[], fn: string) => CallOutcome;

export interface LayerJson {
  W: Matrix;
  b: Vector;
  activation: ActivationName;
}

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

/** Layers as the exercises see them: the W and b arrays are the case's own, so mutations show. */
export function buildLayers(json: LayerJson[]): Layer[] {
  return json.map((l) => ({ W: l.W, b: l.b, activation: activation(l.activation) }));
}

/** Only W and b cross back: the activation objects are the kit's own. */
function layersToData(layers: unknown): unknown {
  if (!Array.isArray(layers)) return layers;
  return layers.map((l) => (l && typeof l === "object" ? { W: (l as Layer).W, b: (l as Layer).b } : l));
}

const direct: Adapter = (mod, args, fn) => ({ value: callable(mod, fn)(...args) });

/** Exercise 03's scalar functions are checked on a batch of z values at once. */
const elementwise: Adapter = (mod, args, fn) => {
  const f = callable(mod, fn);
  const [zs, ...rest] = args as [number[], ...unknown[]];
  return { value: zs.map((z) => f(z, ...rest)) };
};

const withLayers: Adapter = (mod, args, fn) => {
  const [layers, ...rest] = args as [LayerJson[], ...unknown[]];
  return { value: callable(mod, fn)(buildLayers(layers), ...rest) };
};

// Captured before any student module loads: a setter on Array.prototype must not swallow a layer.
const define = Object.defineProperty;

/** The counter is bookkeeping the grader relies on: plain loops and literals, no built-in a student could patch. */
const countedDeltas: Adapter = (mod, args, fn) => {
  const json = args[0] as LayerJson[];
  let gPrimeCalls = 0;
  const layers: Layer[] = [];
  for (let i = 0; i < json.length; i++) {
    const { name, g, gPrime: inner } = activation(json[i].activation);
    const gPrime = (z: number) => {
      gPrimeCalls++;
      return inner(z);
    };
    const layer = { W: json[i].W, b: json[i].b, activation: { name, g, gPrime } };
    define(layers, i, { value: layer, writable: true, enumerable: true, configurable: true });
  }
  const value = callable(mod, fn)(layers, args[1], args[2]);
  return { value, meta: { gPrimeCalls } };
};

const sgdStep: Adapter = (mod, args, fn) => {
  const [layers, ...rest] = args as [LayerJson[], ...unknown[]];
  return { value: layersToData(callable(mod, fn)(buildLayers(layers), ...rest)) };
};

const train: Adapter = (mod, args, fn) => {
  const [layers, ...rest] = args as [LayerJson[], ...unknown[]];
  const result = callable(mod, fn)(buildLayers(layers), ...rest) as { layers?: unknown; losses?: unknown };
  if (!result || typeof result !== "object") return { value: result };
  return { value: { layers: layersToData(result.layers), losses: result.losses } };
};

const numericalGradient: Adapter = (mod, args, fn) => {
  const [spec, x, ...rest] = args as [TestFunction, Vector, ...unknown[]];
  const f = buildTestFunction(spec);
  let evaluations = 0;
  const counted = (v: Vector) => {
    evaluations++;
    return f(v);
  };
  return { value: callable(mod, fn)(counted, x, ...rest), meta: { evaluations } };
};

/** Builds the program's graph with the module's Value class, runs backward on the last node. */
const autodiff: Adapter = (mod, args) => {
  const [program] = args as [AutodiffProgram];
  const ValueClass = mod.Value as (new (data: number) => AutodiffNode) | undefined;
  if (typeof ValueClass !== "function") throw new MissingExportError("Value");
  const nodes: AutodiffNode[] = program.inputs.map((x) => new ValueClass(x));
  for (const [op, i, j] of program.ops) {
    const node = nodes[i];
    if (op === "add" || op === "mul") nodes.push(node[op](nodes[j as number]));
    else if (op === "addConst") nodes.push(node.add(j as number));
    else if (op === "mulConst") nodes.push(node.mul(j as number));
    else if (op === "pow") nodes.push(node.pow(j as number));
    else nodes.push(node[op]());
  }
  nodes[nodes.length - 1].backward();
  return { value: { data: nodes.map((n) => n.data), grad: nodes.map((n) => n.grad) } };
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
 * arguments as the harness sends them back (see harness.ts).
 */
export function invoke(exercise: string, fn: string, mod: Module, args: unknown[]): CallOutcome {
  const adapter = ADAPTERS[exercise]?.[fn];
  if (!adapter) throw new AdapterError(`no adapter for ${exercise}/${fn}`);
  return adapter(mod, args, fn);
}
