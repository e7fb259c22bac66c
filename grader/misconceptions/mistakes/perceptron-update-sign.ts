import type { Vector } from "../../../exercises/types.ts";
import { carriedPerceptron } from "./carried-perceptron.ts";

/** w ← w + η(ŷ − y)x: the error taken the wrong way round, so each update moves away from the instance. */
export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  const step = eta * (yHat - y);
  return w.map((wi, i) => wi + step * x[i]);
}

// Carried: pla on this update, for its own cases (see types.ts).
export const { pla } = carriedPerceptron({ update });
