/**
 * Attacks on the trust boundary itself: what crosses from the sandbox (size,
 * depth, forged lines), the compiler, facts the sandbox could lie about,
 * feedback as a side channel, and the submission container. Part of the
 * adversarial corpus (corpus.ts); the builders for submissions that are not a
 * patched solution are in corpus-build.ts.
 */
import type { Attack } from "./corpus.ts";
import { makeCollision, makeDotFolder, makeFifoInside, makeFifoZip, makeHardLink } from "./corpus-build.ts";
import { makeBigFolder, makeBigZip, makeCharDevice, makeEscapedName } from "./corpus-build.ts";

/** Every route to a raw descriptor student code might try; all should be closed, and the secret makes them moot. */
const FD3 = `function fd3(line: string): void {
  const p: any = process;
  const routes = [
    () => new p.stdout.constructor(3).write(line),
    () => new p.stderr.constructor({ fd: 3, readable: false, writable: true }).write(line),
    () => new (Object.getPrototypeOf(p.stdout).constructor)(3).write(line),
    () => p.binding("fs").writeString(3, line),
    () => p._linkedBinding("fs").writeString(3, line),
    () => p.openStdin().constructor({ fd: 3 }).write(line),
  ];
  for (const route of routes) { try { route(); } catch {} }
}`;
const prepend = (code: string) => (source: string) => `${code}\n${source}`;
const inject = (fn: string, code: string) => (source: string) => {
  const start = new RegExp(`^((?:export function |  )${fn}\\([^{]*\\{)`, "m");
  if (!start.test(source)) throw new Error(`no function ${fn} to attack`);
  return source.replace(start, `$1\n${code}\n`);
};
const both =
  (...patches: ((s: string) => string)[]) =>
  (source: string) =>
    patches.reduce((s, p) => p(s), source);

/** A value nested `n` levels deep, built without recursion. */
const DEEP = (n: number) => `(() => { let v: any = 1; for (let i = 0; i < ${n}; i++) v = [v]; return v; })()`;

export const TRUST_ATTACKS: Attack[] = [
  // 1. Whatever crosses from the sandbox is hostile data.
  {
    name: "deep-line-on-fd3",
    file: "01-linear-algebra/linalg.ts",
    patch: both(
      prepend(FD3),
      inject(
        "dot",
        `  const deep = "[".repeat(200000) + "]".repeat(200000);
  for (let id = 0; id < 50; id++) fd3('{"t":"ok","id":"' + id + '","value":' + deep + ',"meta":{}}\\n');
  return -1;`,
      ),
    ),
    status: "graded",
    loses: ["01-linear-algebra"],
    endsRun: true,
  },
  {
    name: "deep-return-value",
    file: "03-activations/activations.ts",
    patch: inject("softmax", `  return ${DEEP(100000)};`),
    status: "graded",
    loses: ["03-activations"],
    endsRun: true,
  },
  {
    name: "huge-error-names",
    file: "08-gradient-check/gradcheck.ts",
    patch: both(
      inject(
        "numericalGradient",
        '  throw Object.assign(new Error("m".repeat(4e6)), { name: "N".repeat(4e6), stack: "s".repeat(4e6) });',
      ),
      inject("relativeError", '  throw Object.assign(new Error("m".repeat(4e6)), { name: "\\u001b[2J".repeat(1e6) });'),
    ),
    status: "graded",
    loses: ["08-gradient-check"],
    maxResultBytes: 2 ** 20,
    endsRun: true,
  },
  {
    name: "compile-errors-everywhere",
    file: "04-forward/forward.ts",
    patch: prepend(
      Array.from({ length: 100 }, (_, i) => `import "./${String(i).padStart(4, "0")}${"x".repeat(9000)}";`).join("\n"),
    ),
    status: "compile_error",
    loses: ["04-forward", "06-gradients", "07-gradient-descent"],
    reports: ["no such exercise file"],
    maxResultBytes: 2 ** 20,
    endsRun: true,
  },
  {
    name: "huge-array-output",
    file: "01-linear-algebra/linalg.ts",
    patch: inject("transpose", "  return new Array(3e6).fill(0.123456789) as any;"),
    status: "graded",
    loses: ["01-linear-algebra"],
    reports: ["too large to check"],
  },
  {
    name: "many-long-keys",
    file: "03-activations/activations.ts",
    patch: inject(
      "softmaxJacobian",
      '  const o: any = {}; for (let i = 0; i < 20000; i++) o["k" + i + "_".repeat(500)] = i; return o;',
    ),
    status: "graded",
    loses: ["03-activations"],
    maxResultBytes: 2 ** 20,
  },
  {
    name: "proto-key-in-output",
    file: "06-gradients/gradients.ts",
    patch: inject("weightGradient", '  return JSON.parse(\'{"__proto__": {"polluted": true}, "0": [1]}\');'),
    status: "graded",
    loses: ["06-gradients", "07-gradient-descent"],
  },

  // 2. Compiling is part of the untrusted work.
  {
    name: "nested-parentheses",
    file: "02-perceptron/perceptron.ts",
    patch: prepend(`export const deep = ${"(".repeat(400000)}1${")".repeat(400000)};`),
    status: "compile_error",
    loses: ["02-perceptron"],
    reports: ["nested more than 256 levels deep"],
    endsRun: true,
  },
  {
    name: "compiler-stack-overflow",
    file: "08-gradient-check/gradcheck.ts",
    // Not brackets: a chain of prefix operators overflows esbuild's parser stack all the same.
    patch: prepend(`export const deep = ${"!".repeat(1_000_000)}1;`),
    status: "compile_error",
    loses: ["08-gradient-check"],
    // Crashed, or out of time first on a loaded machine: either way this exercise's compile error.
    reports: ["this exercise's files could not be compiled"],
    endsRun: true,
  },
  {
    name: "unresolvable-imports",
    file: "09-autodiff/autodiff.ts",
    patch: prepend(Array.from({ length: 40000 }, (_, i) => `import "./m${i}";`).join("\n")),
    status: "compile_error",
    loses: ["09-autodiff"],
    reports: ["more than 200 imports"],
    endsRun: true,
  },

  // 3. Never trust what the sandbox says about itself.
  {
    name: "tojson-hides-mutation",
    file: "02-perceptron/perceptron.ts",
    patch: both(
      prepend('(Array.prototype as any).toJSON = function () { return "same"; };'),
      inject("update", "  for (let j = 0; j < w.length; j++) w[j] += eta * y * x[j];\n  return w;"),
    ),
    status: "graded",
    loses: ["02-perceptron"],
    reports: ["changed its inputs"],
  },
  {
    name: "prototype-setter-swallows-count",
    file: "05-delta/delta.ts",
    patch: both(
      prepend(
        'Object.defineProperty(Object.prototype, "gPrimeCalls", { set() {}, get() { return 0; }, configurable: true });',
      ),
      inject("deltas", "  for (const l of layers) for (let k = 0; k < 50; k++) l.activation.gPrime(0);"),
    ),
    status: "graded",
    loses: ["05-delta"],
    reports: ["gPrimeCalls: "],
  },
  {
    name: "forged-ok-on-fd3",
    file: "01-linear-algebra/linalg.ts",
    patch: both(
      prepend(FD3),
      inject(
        "dot",
        `  for (let id = 0; id < 300; id++) fd3('{"t":"ok","id":"' + id + '","value":42,"meta":{"gPrimeCalls":0}}\\n');
  fd3('{"t":"done"}\\n');
  return -1;`,
      ),
    ),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "reported-losses-forged",
    file: "07-gradient-descent/descent.ts",
    patch: inject("train", "  return { layers, losses: [0.5, 0.1, 0.001] };"),
    status: "graded",
    loses: ["07-gradient-descent"],
    reports: ["the loss of the initial layers, then of the returned ones", "the mean loss of the returned layers"],
  },
  {
    name: "getter-hides-mutation",
    file: "07-gradient-descent/descent.ts",
    patch: inject(
      "sgdStep",
      `  const row: any = layers[0].W[0];
  const was = row[0];
  row[0] = 1e9;
  Object.defineProperty(row, 0, { get: () => was, enumerable: true });`,
    ),
    status: "graded",
    loses: ["07-gradient-descent"],
    reports: ["changed its inputs"],
  },
  {
    name: "proxy-hides-mutation",
    file: "07-gradient-descent/descent.ts",
    // The same numbers behind a Proxy: re-serialising would call it unchanged.
    patch: inject("sgdStep", "  (grads.dW as any)[0] = new Proxy((grads.dW[0] as any).slice(), {});"),
    status: "graded",
    loses: ["07-gradient-descent"],
    reports: ["changed its inputs"],
  },
  {
    name: "tojson-on-return-value",
    file: "01-linear-algebra/linalg.ts",
    patch: inject("dot", "  return { toJSON: () => 42, valueOf: () => 42 } as any;"),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "read-the-secret",
    file: "04-forward/forward.ts",
    patch: prepend(`
const p: any = process;
const found: string[] = [];
for (const read of [() => p.stdin.read(), () => p.openStdin().read(), () => p.binding("fs").readFileUtf8(0, 0)]) {
  try { const got = read(); if (got) found.push(String(got)); } catch {}
}
if (found.length > 0) throw new Error("read stdin: " + found.join("|"));`),
    status: "graded",
    loses: [],
  },
  {
    name: "back-to-the-event-loop",
    file: "09-autodiff/autodiff.ts",
    patch: inject(
      "backward",
      `    setTimeout(() => { try { (globalThis as any).fetch?.("http://127.0.0.1:9/"); } catch {} }, 0);
    Promise.resolve().then(() => { throw new Error("late"); });
    (Map.prototype as any).get = () => { throw new Error("patched Map"); };
    (Set.prototype as any).has = () => { throw new Error("patched Set"); };
    throw new Error("gave up");`,
    ),
    status: "graded",
    loses: ["09-autodiff"],
  },
  {
    name: "call-sites-of-the-harness",
    file: "08-gradient-check/gradcheck.ts",
    // Call sites would hand out the harness's own functions, to call with forged messages.
    patch: inject(
      "relativeError",
      `  const E: any = Error;
  let grabbed = 0;
  try { E.prepareStackTrace = (_e: unknown, sites: unknown[]) => sites; } catch {}
  const sites: any = new Error("x").stack;
  if (Array.isArray(sites)) for (const site of sites) {
    try { const fn = site.getFunction(); if (fn) { grabbed++; fn({ t: "ok", id: "0", value: 1, meta: {} }); } } catch {}
  }
  throw new Error("grabbed " + grabbed);`,
    ),
    status: "graded",
    loses: ["08-gradient-check"],
    reports: ["grabbed 0"],
  },
  {
    name: "network-clients",
    file: "08-gradient-check/gradcheck.ts",
    patch: inject(
      "relativeError",
      '  const g: any = globalThis;\n  throw new Error("net: " + [typeof g.fetch, typeof g.WebSocket, typeof g.EventSource].join("/"));',
    ),
    status: "graded",
    loses: ["08-gradient-check"],
    reports: ["net: undefined/undefined/undefined"],
  },

  // 4. Feedback must not become a side channel.
  {
    name: "index-side-channel",
    file: "01-linear-algebra/linalg.ts",
    patch: inject(
      "matVec",
      `  const out: any[] = new Array(200000).fill(0);
  out[Math.round(Math.abs(x[0]) * 1e5) % 200000] = "here";
  return out;`,
    ),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "echo-hidden-in-error",
    file: "03-activations/activations.ts",
    patch: inject("softmax", '  throw new Error("input: " + JSON.stringify(z));'),
    status: "graded",
    loses: ["03-activations"],
  },
  {
    name: "echo-hidden-in-keys",
    file: "01-linear-algebra/linalg.ts",
    patch: inject("outer", "  return { [JSON.stringify([u, v])]: 1 } as any;"),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "echo-hidden-in-call-count",
    file: "05-delta/delta.ts",
    patch: inject(
      "deltas",
      "  const n = 100 + Math.round(Math.abs(dEdYhat[0]) * 1000);\n  for (let k = 0; k < n; k++) layers[0].activation.gPrime(0);",
    ),
    status: "graded",
    loses: ["05-delta"],
  },
  {
    name: "stash-hidden-for-public",
    file: "01-linear-algebra/linalg.ts",
    patch: both(
      prepend("const stash: string[] = ((globalThis as any).__stash ??= []);"),
      inject("matVec", '  stash.push(JSON.stringify([A, x]));\n  throw new Error("seen: " + stash.join(" "));'),
      inject("transpose", '  stash.push(JSON.stringify(A));\n  throw new Error("seen: " + stash.join(" "));'),
    ),
    status: "graded",
    loses: ["01-linear-algebra"],
  },
  {
    name: "terminal-escapes",
    file: "03-activations/activations.ts",
    patch: both(
      inject(
        "relu",
        '  throw Object.assign(new Error("\\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m red \\u202egnp.exe"), { name: "\\u001b[31mRed" });',
      ),
      inject("softmax", '  return { ["\\u001b[1mkey\\u0007"]: "\\u001b]8;;http://127.0.0.1/\\u0007link" } as any;'),
    ),
    status: "graded",
    loses: ["03-activations"],
  },

  // 5. The submission container.
  { name: "fifo-zip", make: makeFifoZip, status: "refused", loses: [], reports: ["not a regular file"], endsRun: true },
  {
    name: "fifo-inside-exercises",
    make: makeFifoInside,
    status: "refused",
    loses: [],
    reports: ["not a regular file"],
    endsRun: true,
  },
  {
    name: "hard-link-to-solution",
    make: makeHardLink,
    status: "refused",
    loses: [],
    reports: ["hard link"],
    endsRun: true,
  },
  {
    name: "char-device",
    make: makeCharDevice,
    status: "refused",
    loses: [],
    reports: ["not a regular file"],
    requires: "root",
    endsRun: true,
  },
  { name: "zip-of-1mib-entries", make: makeBigZip, status: "refused", loses: [], reports: ["8 MiB"], endsRun: true },
  {
    name: "folder-of-1mib-files",
    make: makeBigFolder,
    status: "refused",
    loses: [],
    reports: ["8 MiB"],
    endsRun: true,
  },
  {
    name: "coll",
    make: makeCollision,
    status: "graded",
    loses: [],
    others: [
      { id: "coll-2", status: "graded" },
      { id: "coll-3", status: "graded", reports: ["graded as coll-3", "coll.zip was renamed"] },
      { id: "Case", status: "graded" },
      { id: "case-2", status: "graded", reports: ["graded as case-2"] },
    ],
  },
  {
    name: "sneaky",
    make: makeDotFolder,
    status: "refused",
    loses: [],
    reports: ["starts with a dot"],
  },
  { name: "esc_31mred_0_title_", make: makeEscapedName, status: "graded", loses: [] },
  {
    name: "stack-line-zero",
    file: "06-gradients/gradients.ts",
    patch: inject(
      "loss",
      '  const e = new Error("bad frame");\n  e.stack = "Error: bad frame\\n    at 06-gradients.js:0:0";\n  throw e;',
    ),
    status: "graded",
    loses: ["06-gradients", "07-gradient-descent"],
    reports: ["bad frame"],
    endsRun: true,
  },
  {
    name: "stack-line-absurd",
    file: "06-gradients/gradients.ts",
    patch: inject(
      "lossGradient",
      '  const e = new Error("absurd frame");\n  e.stack = "Error\\n    at 06-gradients.js:99999999999:-5\\n    at 06-gradients.js:1e400:NaN";\n  throw e;',
    ),
    status: "graded",
    loses: ["06-gradients", "07-gradient-descent"],
    reports: ["absurd frame"],
  },
];
