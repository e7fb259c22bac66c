/**
 * Sources that make esbuild slow (or crash) and pass the pre-scan, and sources that try to get past the pre-scan,
 * for compile-guard.test.ts (and clean, marked submissions for compile-starved.test.ts). Each is prepended to one exercise file of the course's solutions; none of these
 * exercises is imported by another, so a compile error costs the attacked exercise alone.
 */
import { expect } from "vitest";
import { entryFiles, loadManifest } from "../manifest.ts";
import type { CompileOutcome, ExerciseFiles } from "../sandbox/compile.ts";
import { MAX_SOURCE_IMPORTS } from "../sandbox/source-scan.ts";

export interface CompileAttack {
  name: string;
  /** The attacked exercise and its entry file (relative to exercises/). */
  exercise: string;
  file: string;
  source: string;
  /** Whether esbuild spends its CPU budget on it (the pre-scan lets it through), or the pre-scan refuses it at once. */
  slow: boolean;
  /** The reason its compile error must give. */
  reason: RegExp;
}

/** What a build that used up its own budget says: its CPU time, or memory, or esbuild's crash under it. */
export const OWN_LIMIT =
  /compiling took longer than [\d.]+ s of CPU time|compiling needed more than \d+ MB of memory|the compiler's \(esbuild's\) stack overflowed/;

const IMPORTS = Array.from({ length: 4 * MAX_SOURCE_IMPORTS }, (_, i) => `import "./m${i}";`).join("\n");
const DEEP = "(".repeat(50_000);
/** esbuild folds a chain of string literals one by one, copying the text so far each time: quadratic. */
const folded = (literal: string, n: number) => Array.from({ length: n }, () => literal).join(" + ");

const at = (exercise: string, file: string) => ({ exercise, file: `${exercise}/${file}` });
const E01 = at("01-linear-algebra", "linalg.ts");
const E02 = at("02-perceptron", "perceptron.ts");
const E03 = at("03-activations", "activations.ts");
const E08 = at("08-gradient-check", "gradcheck.ts");
const E09 = at("09-autodiff", "autodiff.ts");

export const COMPILE_ATTACKS: CompileAttack[] = [
  // Slow in esbuild itself, with no bracket, import or enum for the pre-scan to count.
  {
    name: "string-folding",
    ...E02,
    source: `export const s = ${folded('"aaaaaaa"', 30_000)};`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "template-folding",
    ...E03,
    source: `export const s = ${folded("`aaaaaaa`", 30_000)};`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "prefix-not-chain",
    ...E08,
    source: `export const d = ${"!".repeat(1_000_000)}1;`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "prefix-minus-chain",
    ...E09,
    source: `export const d = ${"- ".repeat(500_000)}1;`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "typeof-chain",
    ...E01,
    source: `export const d = ${"typeof ".repeat(200_000)}1;`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "assignment-chain",
    ...E02,
    source: `let a: any = 0;\nexport const d = ${"a = ".repeat(300_000)}1;`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "arrow-chain",
    ...E03,
    source: `export const d = ${"a => ".repeat(300_000)}1;`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "ternary-chain",
    ...E08,
    source: `export const d = ${"1 ? 1 : ".repeat(300_000)}1;`,
    slow: true,
    reason: OWN_LIMIT,
  },
  {
    name: "await-chain",
    ...E09,
    source: `export async function d() { return ${"await ".repeat(300_000)}1; }`,
    slow: true,
    reason: OWN_LIMIT,
  },

  // What once hid thousands of imports or deep brackets from the pre-scan, or made esbuild copy an enum member
  // into gigabytes: refused before esbuild runs, with the reason.
  {
    name: "imports-after-backtick-in-regex",
    ...E01,
    source: `const r = /\`/;\n${IMPORTS}\nconst q = /\`/;`,
    slow: false,
    reason: /more than 200 imports/,
  },
  {
    name: "imports-after-backtick-in-template-hole",
    ...E02,
    source: `const t = \`\${"\`"}\`;\n${IMPORTS}`,
    slow: false,
    reason: /more than 200 imports/,
  },
  {
    name: "imports-after-nested-templates",
    ...E03,
    source: `const t = \`a\${\`b\${"\`"}c\`}d\`;\n${IMPORTS}`,
    slow: false,
    reason: /more than 200 imports/,
  },
  {
    name: "brackets-after-backtick-in-regex-class",
    ...E08,
    source: `const r = /[\`]/;\nexport const x = ${DEEP}1${")".repeat(50_000)};`,
    slow: false,
    reason: /nested more than 256 levels deep/,
  },
  {
    name: "brackets-inside-template-hole",
    ...E09,
    source: `export const t = \`\${${DEEP}1${")".repeat(50_000)}}\`;`,
    slow: false,
    reason: /nested more than 256 levels deep/,
  },
  {
    name: "enum-inlined-everywhere",
    ...E01,
    source: `enum E { A = "${"x".repeat(90_000)}" }\nexport const u = [${Array(1000).fill("E.A").join(", ")}];`,
    slow: false,
    reason: /enum members would be copied/,
  },
  {
    name: "enum-doubling-chain",
    ...E02,
    source: `enum D { M0 = "${"d".repeat(100)}", ${Array.from({ length: 40 }, (_, i) => `M${i + 1} = M${i} + M${i}`).join(", ")} }\nexport const u = D.M40;`,
    slow: false,
    reason: /enum members would be copied/,
  },
];

/** The solutions with `attack` prepended to its file, and a marker that tells its builds apart from others'. */
export function attacked(solutions: ExerciseFiles, attack: CompileAttack): ExerciseFiles {
  const files = new Map(solutions);
  const original = files.get(attack.file)!;
  const text = typeof original === "string" ? original : new TextDecoder().decode(original);
  files.set(attack.file, `// attack: ${attack.name}\n${attack.source}\n${text}`);
  return files;
}

/** A clean submission: the solutions with a comment of its own, so that no two are byte for byte alike. */
export function clean(solutions: ExerciseFiles, name: string): ExerciseFiles {
  const files = new Map(solutions);
  for (const [rel, contents] of files) {
    const text = typeof contents === "string" ? contents : new TextDecoder().decode(contents);
    files.set(rel, `// clean: ${name}\n${text}`);
  }
  return files;
}

/** The name an attacked or clean submission's marker gives it, read from the files of a build request. */
export function markerOf(files: [string, string | Uint8Array][]): string | undefined {
  for (const [, contents] of files) {
    const text = typeof contents === "string" ? contents : new TextDecoder().decode(contents.subarray(0, 200));
    const found = /^\/\/ (attack|clean): ([\w-]+)/.exec(text);
    if (found?.[1] === "attack") return found[2];
  }
  for (const [, contents] of files) {
    const text = typeof contents === "string" ? contents : new TextDecoder().decode(contents.subarray(0, 200));
    const found = /^\/\/ clean: ([\w-]+)/.exec(text);
    if (found) return found[1];
  }
  return undefined;
}

const entries = entryFiles(loadManifest());

/** The problems of a build that failed, or undefined. */
export const problemOf = (outcome: CompileOutcome | undefined) =>
  outcome && !outcome.ok ? outcome.problems : undefined;

/** Every exercise but `failed` compiled, and `failed` (if any) with one problem whose text matches `reason`. */
export function expectOnly(result: Record<string, CompileOutcome>, failed?: string, reason?: RegExp) {
  for (const id of Object.keys(entries)) {
    if (id !== failed) expect({ id, problems: problemOf(result[id]) }).toEqual({ id, problems: undefined });
  }
  if (!failed) return;
  const problems = problemOf(result[failed]);
  expect(problems).toHaveLength(1);
  expect(problems![0].text).toMatch(reason!);
}
