/**
 * Internal. Closed-form functions of a vector that exercise 08's cases take
 * gradients of. Cases name one in JSON; the kit builds the function.
 *
 * They run inside the sandbox, after student code: Math as captured before it ran,
 * and index loops (no spread or for-of, which a patched iterator would see).
 */
import { math } from "./math.ts";

const { exp, log, sin, tanh } = math;

export type TestFunction =
  | { kind: "quadratic"; A: number[][]; b: number[] } // ½ xᵀAx + bᵀx
  | { kind: "sinProduct" } // Σ_i sin(x_i) x_{i+1}
  | { kind: "logSumExp" } // log Σ_i e^(x_i)
  | { kind: "rosenbrock" } // Σ_i 100 (x_{i+1} − x_i²)² + (1 − x_i)²
  | { kind: "tanhSum"; w: number[] }; // Σ_i tanh(w_i x_i)

export function buildTestFunction(spec: TestFunction): (x: number[]) => number {
  switch (spec.kind) {
    case "quadratic":
      return (x) => {
        let total = 0;
        for (let i = 0; i < x.length; i++) {
          total += spec.b[i] * x[i];
          for (let j = 0; j < x.length; j++) total += 0.5 * x[i] * spec.A[i][j] * x[j];
        }
        return total;
      };
    case "sinProduct":
      return (x) => {
        let total = 0;
        for (let i = 0; i + 1 < x.length; i++) total += sin(x[i]) * x[i + 1];
        return total;
      };
    case "logSumExp":
      return (x) => {
        let max = -Infinity;
        for (let i = 0; i < x.length; i++) if (x[i] > max || x[i] !== x[i]) max = x[i];
        let total = 0;
        for (let i = 0; i < x.length; i++) total += exp(x[i] - max);
        return max + log(total);
      };
    case "rosenbrock":
      return (x) => {
        let total = 0;
        for (let i = 0; i + 1 < x.length; i++) total += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
        return total;
      };
    case "tanhSum":
      return (x) => {
        let total = 0;
        for (let i = 0; i < x.length; i++) total += tanh(spec.w[i] * x[i]);
        return total;
      };
  }
}
