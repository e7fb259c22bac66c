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

/** A position in one function's output, in the lecture's notation; undefined where it has none. */
export function lectureNotation(fn: string, path: Path): string | undefined {
  const [head, ...rest] = path;
  switch (fn) {
    case "forward":
      return head === "f" || head === "a" ? entry(head, rest[0], rest.slice(1)) : undefined;
    case "deltas":
      return entry("δ", head, rest);
    case "gradients":
      return head === "dW" || head === "db" ? entry(head, rest[0], rest.slice(1)) : undefined;
    case "weightGradient":
      return path.length === 2 && path.every((k) => typeof k === "number")
        ? `dW${sub(...(path as number[]))}`
        : undefined;
    case "sgdStep": {
      const [field, ...indices] = rest;
      return (field === "W" || field === "b") && typeof head === "number" ? entry(field, head, indices) : undefined;
    }
    case "train": {
      if (head === "losses" && typeof rest[0] === "number") return `the loss after epoch ${rest[0] + 1}`;
      if (head !== "layers") return undefined;
      const [layer, field, ...indices] = rest;
      return field === "W" || field === "b" ? entry(field, layer, indices) : undefined;
    }
    default:
      return undefined;
  }
}

/** The position to show: the lecture's notation where the function has one, else the array path. */
export function positionOf(fn: string, path: Path): string {
  return lectureNotation(fn, path) ?? formatPath(path);
}

/** "1 and 3", "1, 2 and 4": a list for a sentence. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
