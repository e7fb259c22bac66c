/**
 * Attacks on the limits of what compiling may produce: small sources whose
 * bundles are huge (esbuild copies an enum member's value into every use), and
 * near misses that must still be graded as usual. Part of the adversarial
 * corpus (corpus.ts); sandbox-limits.test.ts grades them all in one run.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Attack } from "./corpus.ts";
import { solutionsAt, type BuildContext } from "./corpus-build.ts";

const uses = (n: number, ref: string) => Array.from({ length: n }, () => ref).join(", ");
/** An exported array of `n` uses of `ref`, which keeps every use in the bundle. */
const used = (n: number, ref: string) => `export const used = [${uses(n, ref)}];`;
const prepend = (code: string) => (source: string) => `${code}\n${source}`;
const append = (code: string) => (source: string) => `${source}\n${code}\n`;

/** An enum whose members each double the one before: 100 characters times 2^n. */
const doubling = (n: number) =>
  `enum D { M0 = "${"d".repeat(100)}", ${Array.from({ length: n }, (_, i) => `M${i + 1} = M${i} + M${i}`).join(", ")} }`;
/** The same with template literals, each four times the one before. */
const quadrupling = (n: number) =>
  `enum Q { M0 = "${"q".repeat(100)}", ${Array.from(
    { length: n },
    (_, i) => `M${i + 1} = \`\${M${i}}\${M${i}}\${M${i}}\${M${i}}\``,
  ).join(", ")} }`;

/** Writes the reference solution with several files patched. */
const patchFiles =
  (patches: Record<string, (source: string) => string>) =>
  async ({ classDir, name }: BuildContext): Promise<void> => {
    const dir = path.join(classDir, name);
    await solutionsAt(dir);
    for (const [rel, patch] of Object.entries(patches)) {
      const file = path.join(dir, "exercises", rel);
      await writeFile(file, patch(await readFile(file, "utf8")));
    }
  };

/** An enum member of `length` characters used 1000 times: about `length` KB of bundle. */
const bomb = (length: number) => append(`enum B { S = "${"b".repeat(length)}" }\n${used(1000, "B.S")}`);

const OVER = "over the 4 MB limit";

export const LIMIT_ATTACKS: Attack[] = [
  // Bundles over the limit of one exercise: that exercise fails with the reason, the rest is graded.
  {
    name: "enum-inlined-string",
    file: "09-autodiff/autodiff.ts",
    patch: append(`enum E { A = "${"x".repeat(90_000)}" }\n${used(1000, "E.A")}`),
    status: "compile_error",
    loses: ["09-autodiff"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "const-enum-inlined",
    file: "02-perceptron/perceptron.ts",
    patch: prepend(`const enum C { A = "${"c".repeat(60_000)}" }\n${used(1000, "C.A")}`),
    status: "compile_error",
    loses: ["02-perceptron"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "enum-doubling-chain",
    file: "03-activations/activations.ts",
    patch: append(`${doubling(15)}\n${used(10, "D.M15")}`),
    status: "compile_error",
    loses: ["03-activations"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "enum-template-quadrupling",
    file: "08-gradient-check/gradcheck.ts",
    patch: append(`${quadrupling(7)}\n${used(10, "Q.M7")}`),
    status: "compile_error",
    loses: ["08-gradient-check"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "enum-in-a-template",
    file: "01-linear-algebra/linalg.ts",
    patch: append(
      `enum T { A = "${"t".repeat(5_000)}" }\nexport const text = \`${Array.from({ length: 1000 }, () => "${T.A}").join("")}\`;`,
    ),
    status: "compile_error",
    loses: ["01-linear-algebra"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "enum-in-a-namespace",
    file: "05-delta/delta.ts",
    patch: append(`namespace N { export enum E { A = "${"n".repeat(50_000)}" } }\n${used(1000, "N.E.A")}`),
    status: "compile_error",
    // Refused before compiling, so 06 and 07, which import 05, do not compile either.
    loses: ["05-delta", "06-gradients", "07-gradient-descent"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "enum-from-another-file",
    make: patchFiles({
      "01-linear-algebra/linalg.ts": append(`export enum Shared { A = "${"s".repeat(20_000)}" }`),
      "04-forward/forward.ts": (s) =>
        `import { Shared } from "../01-linear-algebra/linalg";\n${s}\n${used(1000, "Shared.A")}\n`,
    }),
    status: "compile_error",
    // 01 holds the member once and is graded; every bundle that includes forward.ts holds it a thousand times.
    loses: ["04-forward", "06-gradients", "07-gradient-descent"],
    reports: [OVER],
    endsRun: true,
  },
  {
    name: "bundles-over-the-total",
    // Each under 4 MB, 17.5 MB together: the largest (09's) goes, the rest fit in 16 MB.
    make: patchFiles({
      "01-linear-algebra/linalg.ts": bomb(3_300),
      "02-perceptron/perceptron.ts": bomb(3_400),
      "03-activations/activations.ts": bomb(3_500),
      "08-gradient-check/gradcheck.ts": bomb(3_600),
      "09-autodiff/autodiff.ts": bomb(3_700),
    }),
    status: "compile_error",
    loses: ["09-autodiff"],
    reports: ["together are over the 16 MB limit"],
    endsRun: true,
  },

  // Near misses: large sources or many uses that esbuild does not copy. Graded as usual, nothing lost.
  {
    name: "const-string-used-often",
    file: "09-autodiff/autodiff.ts",
    patch: append(`const S = "${"y".repeat(90_000)}";\n${used(1000, "S")}`),
    status: "graded",
    loses: [],
  },
  {
    name: "const-doubling-chain",
    file: "03-activations/activations.ts",
    patch: append(
      `const C0 = "${"k".repeat(100)}";\n${Array.from({ length: 16 }, (_, i) => `const C${i + 1} = C${i} + C${i};`).join("\n")}\n${used(10, "C16")}`,
    ),
    status: "graded",
    loses: [],
  },
  {
    name: "huge-template-literal",
    file: "02-perceptron/perceptron.ts",
    patch: append(`export const big = \`${"w${1}".repeat(100_000)}\`;`),
    status: "graded",
    loses: [],
  },
  {
    name: "many-re-exports",
    file: "01-linear-algebra/linalg.ts",
    patch: append(`export { ${Array.from({ length: 5000 }, (_, i) => `dot as dot${i}`).join(", ")} };`),
    status: "graded",
    loses: [],
  },
  {
    name: "small-enum-used-often",
    file: "08-gradient-check/gradcheck.ts",
    patch: append(`enum K { A = "k", B = 2 }\n${used(20_000, "K.A")}\n${used(20_000, "K.B").replace("used", "used2")}`),
    status: "graded",
    loses: [],
  },
];
