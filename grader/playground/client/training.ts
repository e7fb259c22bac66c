/**
 * One epoch with the student's code: per instance, their own `train` for one
 * epoch (an sgdStep per instance, in order); batch, one `sgdStep` on the mean
 * of their `gradients` over every instance, then the mean ε by their
 * `forward` and `loss`. Throws a FaultError when their code fails.
 */
import type { Layer, Vector } from "../../../exercises/types.ts";
import * as s from "./student.ts";

export function meanLoss(fns: s.StudentFns, layers: Layer[], xs: Vector[], ys: Vector[]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const { a } = s.forward(fns, layers, xs[i]);
    total += s.loss(fns, a[a.length - 1], ys[i]);
  }
  return total / xs.length;
}

export function epoch(
  fns: s.StudentFns,
  layers: Layer[],
  xs: Vector[],
  ys: Vector[],
  eta: number,
  mode: "instance" | "batch",
): { layers: Layer[]; loss: number } {
  if (mode === "instance") return s.trainEpoch(fns, layers, xs, ys, eta);
  const m = xs.length;
  const sum = layers.map((l) => ({ dW: l.W.map((row) => row.map(() => 0)), db: l.b.map(() => 0) }));
  for (let i = 0; i < m; i++) {
    const g = s.gradients(fns, layers, xs[i], ys[i]);
    sum.forEach((acc, l) => {
      acc.dW.forEach((row, r) => row.forEach((_, j) => (row[j] += g.dW[l][r][j] / m)));
      acc.db.forEach((_, j) => (acc.db[j] += g.db[l][j] / m));
    });
  }
  const next = s.sgdStep(fns, layers, { dW: sum.map((x) => x.dW), db: sum.map((x) => x.db) }, eta);
  return { layers: next, loss: meanLoss(fns, next, xs, ys) };
}
