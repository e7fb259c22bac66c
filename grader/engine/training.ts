/**
 * Internal. The training checks decided from outputs alone: the loss of the
 * layers `train` returns is recomputed here, on the trusted side, from those
 * layers and the case's training data, with the kit's own activations: the
 * losses a submission reports can be made up, the layers it returns cannot.
 */
import type { ActivationName } from "../../exercises/types.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { activation } from "../sandbox/activations.ts";
import { formatNumber } from "./describe.ts";
import type { Problem } from "./problem.ts";

interface LayerData {
  W: number[][];
  b: number[];
}

const isNumbers = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === "number");

/** The layers as data, when they have exactly the input layers' shapes; undefined otherwise. */
function sameShapes(value: unknown, like: LayerData[]): LayerData[] | undefined {
  if (!Array.isArray(value) || value.length !== like.length) return undefined;
  for (let l = 0; l < like.length; l++) {
    const layer = value[l] as Partial<LayerData> | null;
    const W = layer?.W;
    if (!Array.isArray(W) || W.length !== like[l].W.length) return undefined;
    if (!W.every((row: unknown) => isNumbers(row, like[l].W[0].length))) return undefined;
    if (!isNumbers(layer?.b, like[l].b.length)) return undefined;
  }
  return value as LayerData[];
}

/** Mean of ε = ½‖ŷ − y‖² over the instances, with f^[l] = (W^[l])ᵀ a^[l-1] + b^[l]. */
export function meanLoss(layers: LayerData[], activations: ActivationName[], xs: number[][], ys: number[][]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    let a = xs[i];
    for (let l = 0; l < layers.length; l++) {
      const { W, b } = layers[l];
      const g = activation(activations[l]).g;
      a = b.map((bj, j) => g(a.reduce((sum, ai, k) => sum + W[k][j] * ai, bj)));
    }
    total += a.reduce((sum, yj, j) => sum + (yj - ys[i][j]) ** 2, 0) / 2;
  }
  return total / xs.length;
}

/** True for the cases whose check reads the reported losses of train. */
export function checksTraining(c: LoadedCase): boolean {
  return c.fn === "train" && (c.check.kind === "falls" || c.check.kind === "below") && c.check.at[0] === "losses";
}

/**
 * Problems of a train result beyond the reported list itself: the returned layers' own loss,
 * recomputed here, must fall below the initial layers' loss ("falls") and be within the bound
 * ("below"). The reported losses still have to pass their own check, but no longer decide
 * alone. Called once the value has passed the type and value checks.
 */
export function trainingProblems(c: LoadedCase, value: unknown): Problem[] {
  const [json, xs, ys] = c.args as [(LayerData & { activation: ActivationName })[], number[][], number[][]];
  const activations = json.map((l) => l.activation);
  const returned = sameShapes((value as { layers?: unknown } | null)?.layers, json);
  if (!returned) {
    return [{ code: "shape", path: ["layers"], expected: "layers of the same shapes as the input layers" }];
  }
  const final = meanLoss(returned, activations, xs, ys);
  const problems: Problem[] = [];
  if (c.check.kind === "falls") {
    const initial = meanLoss(json, activations, xs, ys);
    if (!(final < initial)) {
      problems.push({
        code: "not_falling",
        path: ["layers"],
        received: `${formatNumber(initial)} → ${formatNumber(final)} (the loss of the initial layers, then of the returned ones)`,
      });
    }
  }
  if (c.check.kind === "below" && !(final <= c.check.max)) {
    problems.push({
      code: "too_high",
      path: ["layers"],
      expected: `at most ${formatNumber(c.check.max)}`,
      received: `${formatNumber(final)} (the mean loss of the returned layers)`,
    });
  }
  return problems;
}
