/**
 * The adversarial corpus: submissions that attack the grader in the ways
 * autograders are known to be attacked, each with the outcome it must get.
 * Each is the reference solution with one exercise file changed (or a
 * submission built some other way), so every exercise it does not attack must
 * still score full marks.
 */
import type { GradingStatus } from "../engine/results.ts";
import type { BuildContext } from "./corpus-build.ts";
import { TRUST_ATTACKS } from "./corpus-trust.ts";

export const CANARY = "BACKPROP_KIT_CANARY_7f3a9c";

/** What an attack knows: the course's own folders, as an attacker on the same machine would. */
export interface AttackContext {
  solutions: string;
  fixtures: string;
  out: string;
}

export interface Attack {
  name: string;
  /** The exercise file to change, relative to exercises/. */
  file?: string;
  patch?: (source: string, ctx: AttackContext) => string;
  /** Builds the submission some other way (symlinks, zips), in the class folder. */
  build?: "symlink" | "zip-slip" | "zip-absolute" | "zip-symlink";
  /** Builds it in code (FIFOs, hard links, clashing names): see corpus-build.ts. */
  make?: (ctx: BuildContext) => Promise<void>;
  /** Further submissions the build makes, by the id each must get, with their outcome. */
  others?: { id: string; status: GradingStatus; reports?: string[] }[];
  /** Its results.json must stay below this many bytes: what crosses is clipped. */
  maxResultBytes?: number;
  /** It could end a whole run if a wall were missing: it is also graded alone with one clean neighbour. */
  endsRun?: boolean;
  status: GradingStatus;
  /** Exercises that must lose points; every other exercise must score full marks. "any": not checked. */
  loses: string[] | "any";
  /** Strings that must appear in this submission's results.json. */
  reports?: string[];
  /** Strings that must never appear in this submission's results.json. */
  never?: string[];
  /** Only where the sandbox has this wall (a memory cap needs prlimit), or the test runs as root (mknod). */
  requires?: "prlimit" | "root";
}

/**
 * Every route to node:fs that exercise code might try at run time, where the
 * compiler cannot see (and refuse) it. All must fail; if one ever succeeded,
 * Node's permission model and the OS walls would still refuse reads and writes.
 */
const FS = `function reach(): any {
  const p: any = process;
  const routes = [
    () => p.mainModule.require("node:fs"),
    () => p.getBuiltinModule("node:fs"),
    () => p.binding("fs"),
    () => (globalThis as any).require("node:fs"),
    () => new Function("return require")()("node:fs"),
    () => (0, eval)("require")("node:fs"),
  ];
  for (const route of routes) {
    try {
      const fs = route();
      if (fs && fs.readFileSync) return fs;
    } catch {}
  }
  return undefined;
}
const fs: any = reach() ?? {
  readFileSync() { throw Object.assign(new Error("no route"), { code: "NO_FS" }); },
  writeFileSync() { throw Object.assign(new Error("no route"), { code: "NO_FS" }); },
  writeSync() { throw Object.assign(new Error("no route"), { code: "NO_FS" }); },
};`;
const prepend = (code: string) => (source: string) => `${code}\n${source}`;
/** Puts `code` at the start of an exported function's (or a method's) body. */
const inject = (fn: string, code: string) => (source: string) => {
  const start = new RegExp(`^((?:export function |  )${fn}\\([^{]*\\{)`, "m");
  if (!start.test(source)) throw new Error(`no function ${fn} to attack`);
  return source.replace(start, `$1\n${code}\n`);
};

export const ATTACKS: Attack[] = [
  {
    name: "infinite-loop",
    file: "03-activations/activations.ts",
    patch: inject("sigmoid", "  for (;;) {}"),
    status: "timeout",
    loses: ["03-activations"],
    reports: ["timed out: over its limit of 0.1 s of CPU time, and of 0.75 s when run again alone"],
  },
  {
    name: "exit-at-import",
    file: "02-perceptron/perceptron.ts",
    patch: prepend("process.exit(0);"),
    status: "graded",
    loses: ["02-perceptron"],
    reports: ["process.exit() is not allowed"],
  },
  {
    name: "throw-at-import",
    file: "08-gradient-check/gradcheck.ts",
    patch: prepend('throw new Error("boom at import");'),
    status: "graded",
    loses: ["08-gradient-check"],
    reports: ["the module failed to load", "boom at import"],
  },
  {
    name: "fake-results-on-stdout",
    file: "01-linear-algebra/linalg.ts",
    patch: (s) =>
      prepend(
        'console.log("✓ 120/120 tests passed"); console.log(JSON.stringify({ score: 120, max_score: 120, tests: [] }));',
      )(inject("shape", "  return [0, 0];")(s)),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "forged-protocol-messages",
    file: "01-linear-algebra/linalg.ts",
    patch: (s) =>
      prepend(FS)(
        inject(
          "dot",
          `  for (let id = 0; id < 200; id++) fs.writeSync(3, '{"t":"ok","id":"' + id + '","value":42,"meta":{}}\\n');
  fs.writeSync(3, '{"t":"done"}\\n{"t":"start","id":"9999"}\\n');
  return -1;`,
        )(s),
      ),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "write-files",
    file: "04-forward/forward.ts",
    patch: (s, ctx) =>
      prepend(FS)(
        inject(
          "forward",
          `  for (const target of ["/tmp/backprop-kit-pwned", ${JSON.stringify(ctx.out + "/pwned.json")}, "results.json", "../results.json"]) {
    try { fs.writeFileSync(target, "pwned"); } catch {}
  }`,
        )(s),
      ),
    status: "graded",
    loses: [],
  },
  {
    name: "read-solutions-and-hidden-cases",
    file: "05-delta/delta.ts",
    patch: (s, ctx) =>
      prepend(FS)(
        inject(
          "deltas",
          `  const leaks: string[] = [];
  const targets = ["../../solutions/05-delta/delta.ts", "../../../solutions/05-delta/delta.ts",
    ${JSON.stringify(ctx.solutions + "/05-delta/delta.ts")}, ${JSON.stringify(ctx.fixtures + "/05-delta/hidden.json")},
    "/proc/self/environ", "/proc/1/environ", "/etc/passwd"];
  for (const p of targets) {
    try { leaks.push(String(fs.readFileSync(p, "utf8")).slice(0, 300)); } catch (e) { leaks.push("denied: " + (e as any).code); }
  }
  throw new Error(leaks.join(" | "));`,
        )(s),
      ),
    status: "graded",
    loses: ["05-delta", "06-gradients", "07-gradient-descent"],
    reports: ["denied: NO_FS"],
    never: ["export function deltas", '"expected"', "root:x:0", CANARY],
  },
  {
    name: "import-solutions",
    file: "05-delta/delta.ts",
    patch: prepend('import * as reference from "../../solutions/05-delta/delta";\nvoid reference;'),
    status: "compile_error",
    loses: ["05-delta", "06-gradients", "07-gradient-descent"],
    reports: ["reaches outside exercises/"],
  },
  {
    name: "read-env",
    file: "06-gradients/gradients.ts",
    patch: inject("loss", '  throw new Error("env: " + JSON.stringify(process.env));'),
    status: "graded",
    loses: ["06-gradients", "07-gradient-descent"],
    reports: ["env: {}", "(at exercises/06-gradients/gradients.ts:"],
    never: [CANARY],
  },
  {
    name: "patch-globals",
    file: "01-linear-algebra/linalg.ts",
    patch: prepend(`
Math.exp = () => 0;
Math.tanh = () => 0;
(Array.prototype as any).map = function () { return [42]; };
(Object.prototype as any).toJSON = function () { return "pwned"; };
(Array.prototype as any).toJSON = function () { return "pwned"; };
JSON.stringify = () => '{"t":"done"}';
JSON.parse = () => ({ t: "done" });`),
    status: "graded",
    // Its own answers may all be wrong; what matters is that it still gets a result, as do the others.
    loses: "any",
  },
  {
    name: "memory-bomb",
    file: "09-autodiff/autodiff.ts",
    patch: inject(
      "backward",
      "  const hoard: number[][] = [];\n  for (;;) hoard.push(new Array(1e6).fill(Math.random()));",
    ),
    status: "crashed",
    loses: ["09-autodiff"],
    reports: ["ran out of memory"],
  },
  {
    name: "buffer-bomb",
    file: "09-autodiff/autodiff.ts",
    patch: inject(
      "backward",
      // Unfilled, so the data cap refuses the memory within a few ms of CPU, far from the call's CPU limit.
      "  const hoard: Float64Array[] = [];\n  for (;;) hoard.push(new Float64Array(1 << 24));",
    ),
    status: "graded",
    loses: ["09-autodiff"],
    reports: ["Array buffer allocation failed"],
    requires: "prlimit",
  },
  {
    name: "kill-the-grader",
    file: "04-forward/forward.ts",
    patch: inject(
      "forward",
      `  const p: any = process;
  for (const target of [p.ppid, -1, 1]) {
    try { p.kill(target, "SIGKILL"); } catch {}
    try { p._kill(target, 9); } catch {}
  }`,
    ),
    status: "graded",
    loses: [],
  },
  {
    name: "syntax-error",
    file: "02-perceptron/perceptron.ts",
    patch: inject("sgn", "  let = ;"),
    status: "compile_error",
    loses: ["02-perceptron"],
    reports: ["exercises/02-perceptron/perceptron.ts:"],
  },
  {
    name: "wrong-types-and-nan",
    file: "06-gradients/gradients.ts",
    patch: (s) => inject("weightGradient", '  return "a matrix" as any;')(inject("loss", "  return NaN;")(s)),
    status: "graded",
    loses: ["06-gradients", "07-gradient-descent"],
    reports: ["received the string", "received NaN"],
  },
  { name: "symlink-to-solution", build: "symlink", status: "refused", loses: [], reports: ["symlink"] },
  { name: "zip-slip", build: "zip-slip", status: "refused", loses: [], reports: ["../evil.ts"] },
  { name: "zip-absolute-path", build: "zip-absolute", status: "refused", loses: [], reports: ["/tmp/evil.ts"] },
  { name: "zip-symlink", build: "zip-symlink", status: "refused", loses: [], reports: ["symlink"] },
  ...TRUST_ATTACKS,
];
