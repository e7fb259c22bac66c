/**
 * Relations between a wrong value and the right one, beyond the catalogue:
 * negated, scaled by a constant, transposed, due in another layer, in the
 * wrong order, missing or extra g′ factors, f for a and a for f, and the
 * relations the layer steps find (layers.ts). Each has a name and a one-line
 * explanation tied to the rule it breaks (relation-text.ts).
 */
import type { NumberRule } from "../engine/compare.ts";
import type { View } from "./layers.ts";
import { flat, isMat, map, near, shapeOf, transpose, type Num } from "./numeric.ts";
import type { Found } from "./relation-text.ts";

export { CATALOGUED, relationName, relationText, RULE, ruleOf, type Found } from "./relation-text.ts";

const NICE = [2, 0.5, 4, 0.25, 3, 1 / 3];

/** Which other view of the same quantity `value` equals, as layers away (+1: the next layer's). */
function otherLayer(view: View, views: View[], value: Num, rule: NumberRule): number | undefined {
  const own = views.filter((v) => v.symbol === view.symbol);
  const at = own.indexOf(view);
  for (let j = 0; j < own.length; j++) {
    if (j !== at && !near(view.expected, own[j].expected, rule) && near(own[j].expected, value)) {
      return Number(/\[(\d+)\]/.exec(own[j].label)?.[1]) - Number(/\[(\d+)\]/.exec(view.label)?.[1]);
    }
  }
  return undefined;
}

function divide(e: Num, by: number[]): Num | undefined {
  const d = flat(e);
  if (by.length !== d.length || by.some((x, i) => x === 0 && d[i] !== 0)) return undefined;
  return map(e, (x, i) => (by[i] === 0 ? 0 : x / by[i]));
}

/**
 * Close is not enough to blame precision (a step size or a formula can be off by 1e-7 too): every value
 * must carry its signature, exactly a float32 or rounded to at most 8 decimals.
 */
function lowPrecision(values: number[]): boolean {
  const rounded = (x: number) => [0, 1, 2, 3, 4, 5, 6, 7, 8].some((d) => Number(x.toFixed(d)) === x);
  return values.every((x) => Math.fround(x) === x) || values.every(rounded);
}

/** The first generic relation that `r` (a wrong value) has with the view's expected value, if any. */
export function genericRelation(view: View, views: View[], r: Num, rule: NumberRule): Found | undefined {
  const e = view.expected;
  const observable = (candidate: Num | undefined): candidate is Num =>
    candidate !== undefined && !near(e, candidate, rule) && near(candidate, r);
  const values = flat(e);
  const biggest = values.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (!values.every(Number.isFinite) || biggest === 0) return undefined;
  // One number is a multiple of any other, and 0 is one wrong number: a value with one nonzero entry says no more.
  const significant = values.filter((x) => Math.abs(x) > 1e-6 * biggest).length;
  // Exactly 0: a value of order 1e-10 is within the tolerance of 0 but is no zero a student wrote (h² times the slope).
  const zeros = flat(r).every((x) => x === 0) && (view.scalar || significant >= 2);
  if (zeros && observable(map(e, () => 0))) return { rel: "zeros" };
  // Values all within the tolerance of 0, and not 0: any multiple of e is near them (σ(−30) for σ(30), "scaled by
  // 9e-14"), so no relation can be told.
  if (flat(r).every((x) => Math.abs(x) <= 1e-9)) return undefined;
  // −e is |e| when no entry of e is positive: a sign flipped and a sign dropped give the same values there.
  if (observable(map(e, (x) => -x))) return values.some((x) => x > 0) ? { rel: "negated" } : undefined;
  // |e| differs from e only where e < 0, and from −e only where e > 0: named only where e has both signs.
  if (observable(map(e, Math.abs))) return values.some((x) => x > 0) ? { rel: "abs" } : undefined;
  if (isMat(e) && observable(transpose(e))) return { rel: "transposed" };
  const offset = otherLayer(view, views, r, rule);
  if (offset !== undefined) return { rel: "layer", offset };
  for (const swap of view.swaps ?? []) {
    if (observable(swap.value))
      return swap.offset === undefined ? { rel: swap.rel } : { rel: swap.rel, offset: swap.offset };
  }
  if (view.gpf) {
    if (observable(divide(e, view.gpf))) return { rel: "no-gprime" };
    if (observable(map(e, (x, i) => x * view.gpf![i]))) return { rel: "extra-gprime" };
    if (view.gpa && observable(map(e, (x, i) => x * view.gpa![i]))) return { rel: "extra-gprime-a" };
    const atA = divide(e, view.gpf);
    if (atA && view.gpa && observable(map(atA, (x, i) => x * view.gpa![i]))) return { rel: "gprime-of-a" };
  }
  if (!view.nodes && shapeOf(r).join() === shapeOf(e).join() && values.length >= 2) {
    const sort = (v: number[]) => [...v].sort((a, b) => a - b);
    if (near(sort(values), sort(flat(r))) && !near(e, r)) return { rel: "order" };
  }
  const m = values.findIndex((x) => Math.abs(x) === biggest);
  const k = flat(r)[m] / values[m];
  const nice = NICE.find((n) => Math.abs(k - n) <= 1e-6 * n);
  // One number is a multiple of any other: only a ½ in the loss is evidence enough there.
  const enough = significant >= 2 || (view.symbol === "loss" && (nice === 2 || nice === 0.5));
  if (Number.isFinite(k) && k !== 0 && Math.abs(k - 1) > 1e-6 && Math.abs(k + 1) > 1e-6 && enough) {
    if (observable(map(e, (x) => x * (nice ?? k)))) return { rel: "scaled", k: nice ?? Number(k.toPrecision(6)) };
  }
  if (near(e, r, (a, b) => Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(a)) && lowPrecision(flat(r))) {
    return { rel: "low-precision" };
  }
  return undefined;
}
