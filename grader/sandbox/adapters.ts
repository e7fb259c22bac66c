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

const countedDeltas: Adapter = (mod, args, fn) => {
  const [json, ...rest] = args as [LayerJson[], ...unknown[]];
  let gPrimeCalls = 0;
  const layers = buildLayers(json).map((layer) => {
    const inner = layer.activation.gPrime;
    const gPrime = (z: number) => {
      gPrimeCalls++;
      return inner(z);
    };
    return { ...layer, activation: { ...layer.activation, gPrime } };
  });
  const value = callable(mod, fn)(layers, ...rest);
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

// Captured before any student module loads (see wire.ts).
const stringify = JSON.stringify;

/**
 * Calls one case on a module and reports whether it changed its arguments
 * (meta.mutated), which is how the purity of update and sgdStep is checked.
 * Throws whatever the implementation throws.
 */
export function invoke(exercise: string, fn: string, mod: Module, args: unknown[]): CallOutcome {
  const adapter = ADAPTERS[exercise]?.[fn];
  if (!adapter) throw new AdapterError(`no adapter for ${exercise}/${fn}`);
  const before = stringify(args);
  const outcome = adapter(mod, args, fn);
  return { value: outcome.value, meta: { ...outcome.meta, mutated: stringify(args) !== before } };
}
