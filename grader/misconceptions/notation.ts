/**
 * Positions in the lecture's notation: an output path such as ["dW", 1, 2, 0]
 * becomes dW^[2]_{3,1}, and [0, 1] in the δ list becomes δ^[1]_2. Layers and
 * units count from 1, as in the lecture; the arrays count from 0, aligned
 * with `layers` (index i holds layer l = i + 1).
 */
import { formatPath } from "../zod-format.ts";

type Path = readonly (string | number)[];

/** A subscript: _2, or _{12} and _{3,1} when it needs braces. */
export function sub(...indices: number[]): string {
  const text = indices.map((i) => String(i + 1)).join(",");
  return text.length === 1 ? `_${text}` : `_{${text}}`;
}

/** "δ^[2]": a per-layer quantity, for the layer at array index i. */
export function layerLabel(symbol: string, i: number): string {
  return `${symbol}^[${i + 1}]`;
}

/** symbol^[i+1] followed by the entry's subscript, for the rest of the path when it is all numbers. */
function entry(symbol: string, layer: number | string | undefined, rest: Path): string | undefined {
  if (typeof layer !== "number") return layer === undefined ? symbol : undefined;
  if (!rest.every((k) => typeof k === "number")) return undefined;
  return `${layerLabel(symbol, layer)}${rest.length > 0 ? sub(...(rest as number[])) : ""}`;
}

/** Functions that return one vector or matrix: the lecture's symbol for it, written before an entry's subscript. */
const WHOLE: Record<string, string> = {
  lossGradient: "∂ε/∂ŷ",
  numericalGradient: "∂f/∂x",
  sigmoid: "σ(z)",
  sigmoidPrime: "σ′(z)",
  tanh: "tanh(z)",
  tanhPrime: "tanh′(z)",
  relu: "relu(z)",
  reluPrime: "relu′(z)",
  leakyRelu: "leakyRelu(z)",
  leakyReluPrime: "leakyRelu′(z)",
  identity: "identity(z)",
  identityPrime: "identity′(z)",
  softmax: "softmax(z)",
  softmaxJacobian: "J",
  transpose: "Aᵀ",
  matVec: "(A x)",
  outer: "(u vᵀ)",
  hadamard: "(A ∘ B)",
  update: "w",
};

/** The loss after epoch e (counted from 1); a negative index counts from the last epoch, as the cases write it. */
function lossAt(index: number, epochs: number | undefined): string {
  if (index >= 0) return `the loss after epoch ${index + 1}`;
  const epoch = epochs === undefined ? undefined : epochs + index + 1;
  if (index === -1) return `the loss after the last epoch${epoch === undefined ? "" : ` (epoch ${epoch})`}`;
  return epoch !== undefined && epoch >= 1 ? `the loss after epoch ${epoch}` : `the loss ${-index} from the end`;
}

function epochsOf(args: readonly unknown[] | undefined): number | undefined {
  const options = args?.[3] as { epochs?: unknown } | undefined;
  return typeof options?.epochs === "number" ? options.epochs : undefined;
}

const numeric = (path: Path): path is number[] => path.every((k) => typeof k === "number");

/**
 * Any other path with indices, counted from 1 as the lecture counts: ["history", 2, 0] is history_{3,1}, and
 * [1] in an unnamed function's output is lossGradient_2. Never the arrays' own 0-based [2][0].
 */
function counted(fn: string, path: Path): string | undefined {
  if (!path.some((k) => typeof k === "number")) return undefined;
  let out = "";
  let indices: number[] = [];
  const flush = () => {
    if (indices.length > 0) out = `${out || fn}${sub(...indices)}`;
    indices = [];
  };
  for (const key of path) {
    if (typeof key === "number") {
      indices.push(key);
      continue;
    }
    flush();
    out += out === "" ? key : `.${key}`;
  }
  flush();
  return path.some((k) => typeof k === "number" && k < 0) ? undefined : out;
}

/**
 * A position in one function's output, in the lecture's notation, with indices counted from 1; undefined where
 * it has none. `args`, the case's own arguments, give train's epoch count, so the last loss is named by its epoch.
 */
export function lectureNotation(fn: string, path: Path, args?: readonly unknown[]): string | undefined {
  return named(fn, path, args) ?? counted(fn, path);
}

function named(fn: string, path: Path, args?: readonly unknown[]): string | undefined {
  const [head, ...rest] = path;
  switch (fn) {
    case "forward":
      return head === "f" || head === "a" ? entry(head, rest[0], rest.slice(1)) : undefined;
    case "deltas":
      return entry("δ", head, rest);
    case "gradients":
      return head === "dW" || head === "db" ? entry(head, rest[0], rest.slice(1)) : undefined;
    case "weightGradient":
      return path.length === 2 && numeric(path) ? `dW${sub(...path)}` : undefined;
    case "sgdStep": {
      const [field, ...indices] = rest;
      return (field === "W" || field === "b") && typeof head === "number" ? entry(field, head, indices) : undefined;
    }
    case "train": {
      if (head === "losses" && typeof rest[0] === "number" && rest.length === 1) return lossAt(rest[0], epochsOf(args));
      if (head !== "layers") return undefined;
      const [layer, field, ...indices] = rest;
      return field === "W" || field === "b" ? entry(field, layer, indices) : undefined;
    }
    case "shape":
      return path.length === 1 && (head === 0 || head === 1)
        ? `the number of ${head === 0 ? "rows" : "columns"}`
        : undefined;
    case "pla":
      if (head === "w" && rest.length === 1 && numeric(rest)) return `w${sub(...rest)}`;
      if (head !== "history" || !numeric(rest) || rest.length === 0 || rest.length > 2) return undefined;
      return `${rest.length === 2 ? `w${sub(rest[1])}` : "w"} after update ${rest[0] + 1}`;
    case "autodiff":
      return (head === "data" || head === "grad") && rest.length === 1 && numeric(rest)
        ? `the ${head} of node ${rest[0] + 1}`
        : undefined;
    default:
      return WHOLE[fn] && path.length <= 2 && numeric(path) ? `${WHOLE[fn]}${sub(...path)}` : undefined;
  }
}

/** Functions that return one number: the lecture's name for it. */
const SCALAR: Record<string, string> = {
  dot: "wᵀx",
  sgn: "sgn(z)",
  predict: "ŷ",
  loss: "ε",
  relativeError: "the relative error",
};

/** A layered function's own quantities, for a path that lies in none of them (the whole output). */
const ALL: Record<string, string[]> = {
  forward: ["f", "a"],
  deltas: ["δ"],
  gradients: ["dW", "db"],
  weightGradient: ["dW"],
  sgdStep: ["W", "b"],
  train: ["W", "b", "the losses"],
  pla: ["w", "the number of iterations", "converged", "the history of w"],
  autodiff: ["the nodes' data", "the nodes' grad"],
  shape: ["the number of rows", "the number of columns"],
};

const PLA: Record<string, string> = {
  w: "w",
  history: "the history of w",
  iterations: "the number of iterations",
  converged: "converged",
};

/**
 * The course's names of the output quantities a path lies in, with no layer, entry or epoch: ["dW", 1, 2, 0] is
 * dW, ["layers", 0, "b", 1] in train is b, [] in gradients is dW and db. What a hidden case names: a small fixed set
 * per function, decided by which quantity failed, never by where in it or by its size. `code` tells train's checks
 * of its returned layers' loss ("layers", from the trusted side) from a check of the layers themselves.
 */
export function quantitiesAt(fn: string, path: Path, code?: string): string[] {
  const [head, ...rest] = path;
  const one = (name: string | undefined) => (name === undefined ? (ALL[fn] ?? [wholeName(fn)]) : [name]);
  switch (fn) {
    case "forward":
    case "gradients":
      return one(ALL[fn].includes(head as string) ? (head as string) : undefined);
    case "deltas":
    case "weightGradient":
      return ALL[fn];
    case "sgdStep":
      return one(rest[0] === "W" || rest[0] === "b" ? rest[0] : undefined);
    case "train":
      if (head === "losses") return [typeof rest[0] === "number" && rest[0] < 0 ? "the final loss" : "the losses"];
      if (head !== "layers") return one(undefined);
      if (rest.length === 0 && (code === "not_falling" || code === "too_high"))
        return ["the loss of the returned layers"];
      return rest[1] === "W" || rest[1] === "b" ? [rest[1]] : ["W", "b"];
    case "pla":
      return one(typeof head === "string" ? PLA[head] : undefined);
    case "autodiff":
      return one(head === "data" || head === "grad" ? `the nodes' ${head}` : undefined);
    case "shape":
      return one(head === 0 || head === 1 ? ALL.shape[head] : undefined);
    default:
      return [wholeName(fn)];
  }
}

/** A function of one returned value: its lecture name (σ(z), ∂ε/∂ŷ, ε, the relative error). */
function wholeName(fn: string): string {
  // (A x) is bracketed only to take an entry's subscript.
  return WHOLE[fn]?.replace(/^\((.*)\)$/, "$1") ?? SCALAR[fn] ?? fn;
}

/** The position to show: the lecture's notation where the function has one, else the array path. */
export function positionOf(fn: string, path: Path, args?: readonly unknown[]): string {
  return lectureNotation(fn, path, args) ?? formatPath(path);
}

/** "1 and 3", "1, 2 and 4": a list for a sentence. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
