/**
 * Internal. An autodiff program (exercise 09's cases) evaluated on the trusted side, with one line of one backward
 * step slipped: the wrong answers a slip in one line of a Value method gives (neighbours.ts). A method's line runs for
 * every op of its kind, so a slip applies to all of them.
 */
import type { AutodiffOp, AutodiffProgram } from "../sandbox/adapters.ts";

export interface ProgramValues {
  data: number[];
  grad: number[];
}

/** How every op of one kind passes grad to its operand in one slot: not at all, or without the factor out.grad. */
type Slip = { op: AutodiffOp[0]; slot: number; kind: "left-out" | "no-out-grad" };

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Op k's operands (node indices) and the local derivative of its output with respect to each. */
function local(op: AutodiffOp, data: number[]): { nodes: number[]; value: number; d: number[] } {
  const [name, i, j] = op;
  const x = data[i];
  const y = data[j as number];
  switch (name) {
    case "add":
      return { nodes: [i, j as number], value: x + y, d: [1, 1] };
    case "mul":
      return { nodes: [i, j as number], value: x * y, d: [y, x] };
    case "addConst":
      return { nodes: [i], value: x + (j as number), d: [1] };
    case "mulConst":
      return { nodes: [i], value: x * (j as number), d: [j as number] };
    case "pow":
      return { nodes: [i], value: x ** (j as number), d: [(j as number) * x ** ((j as number) - 1)] };
    case "tanh":
      return { nodes: [i], value: Math.tanh(x), d: [1 - Math.tanh(x) ** 2] };
    case "sigmoid":
      return { nodes: [i], value: sigmoid(x), d: [sigmoid(x) * (1 - sigmoid(x))] };
    default:
      return { nodes: [i], value: x > 0 ? x : 0, d: [x > 0 ? 1 : 0] };
  }
}

function evaluate(p: AutodiffProgram, slip?: Slip): ProgramValues {
  const data = [...p.inputs];
  const steps = p.ops.map((op) => {
    const step = local(op, data);
    data.push(step.value);
    return step;
  });
  const grad = data.map(() => 0);
  const reached = data.map((_, n) => n === data.length - 1);
  grad[data.length - 1] = 1;
  for (let k = steps.length - 1; k >= 0; k--) {
    const out = p.inputs.length + k;
    if (!reached[out]) continue;
    steps[k].nodes.forEach((node, slot) => {
      reached[node] = true;
      const mine = slip?.op === p.ops[k][0] && slip.slot === slot;
      if (mine && slip.kind === "left-out") return;
      grad[node] += steps[k].d[slot] * (mine ? 1 : grad[out]);
    });
  }
  return { data, grad };
}

/** The program's values with each one-line slip in a backward step: a contribution left out, or without out.grad. */
export function oneLineSlips(p: AutodiffProgram): ProgramValues[] {
  const kinds = [...new Set(p.ops.map((op) => op[0]))];
  const slips: Slip[] = kinds.flatMap((op) =>
    (op === "add" || op === "mul" ? [0, 1] : [0]).flatMap((slot) => [
      { op, slot, kind: "left-out" as const },
      { op, slot, kind: "no-out-grad" as const },
    ]),
  );
  return slips.map((slip) => evaluate(p, slip));
}

/** Whether `v` is a program as the fixtures write one: every operand a node before the op. */
export function isProgram(v: unknown): v is AutodiffProgram {
  const p = v as AutodiffProgram;
  if (!p || !Array.isArray(p.inputs) || !Array.isArray(p.ops)) return false;
  return p.ops.every(
    (op, k) =>
      Array.isArray(op) &&
      Number.isInteger(op[1]) &&
      op[1] < p.inputs.length + k &&
      (!(op[0] === "add" || op[0] === "mul") || (Number.isInteger(op[2]) && (op[2] as number) < p.inputs.length + k)),
  );
}
