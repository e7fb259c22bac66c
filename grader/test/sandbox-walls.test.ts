/**
 * The walls around a sandbox, tested directly. Exercise code gets no module
 * loader at all (the adversarial corpus checks that); should it ever find one,
 * these are what still stand: Node's permission model and, where Linux allows,
 * namespaces, an unprivileged user and a memory cap. A probe script takes the
 * harness's place in the real sandbox command line and tries each escape.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { detectIsolation } from "../sandbox/isolation.ts";
import { sandboxCommand } from "../sandbox/run.ts";
import { runBatch } from "../batch/run-batch.ts";
import { CheckSession } from "../check/session.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { cp, readFile } from "node:fs/promises";

const run = promisify(execFile);
let dir: string;
let outcome: Record<string, string>;
let layers: string[];

const ESCAPES = [
  {
    name: "read a reference solution",
    code: `fs.readFileSync(${JSON.stringify(path.join(paths.solutions, "05-delta/delta.ts"))})`,
  },
  {
    name: "read a hidden fixture",
    code: `fs.readFileSync(${JSON.stringify(path.join(paths.fixtures, "05-delta/hidden.json"))})`,
  },
  { name: "read /etc/passwd", code: `fs.readFileSync("/etc/passwd")` },
  { name: "write a file next to itself", code: `fs.writeFileSync(require("path").join(__dirname, "pwned"), "x")` },
  { name: "write to /tmp", code: `fs.writeFileSync("/tmp/backprop-kit-walls-pwned", "x")` },
  { name: "start a process", code: `require("child_process").execFileSync("/bin/true")` },
  { name: "start a worker", code: `new (require("worker_threads").Worker)("0", { eval: true })` },
];

/** Past the 512 MiB data cap: V8's heap limit does not cover ArrayBuffers. */
const HOARD = {
  name: "hoard 1 GiB of ArrayBuffers",
  code: `const hoard = []; for (let i = 0; i < 16; i++) hoard.push(new Float64Array(1 << 23).fill(1))`,
};
const hasPrlimit =
  process.platform === "linux" &&
  process.env.BACKPROP_ISOLATION !== "node" &&
  spawnSync("prlimit", ["--version"]).status === 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-walls-"));
  await chmod(dir, 0o755);
  const probe = path.join(dir, "probe.cjs");
  const body = [...ESCAPES, HOARD]
    .map(
      (e) =>
        `try { ${e.code}; out[${JSON.stringify(e.name)}] = "ESCAPED"; } catch (err) { out[${JSON.stringify(e.name)}] = err.code || err.message; }`,
    )
    .join("\n");
  await writeFile(probe, `const fs = require("fs"); const out = {};\n${body}\nconsole.log(JSON.stringify(out));\n`);
  await chmod(probe, 0o644);
  const isolation = detectIsolation({ maxDataBytes: 2 ** 29 }, probe);
  layers = isolation.layers;
  const [cmd, ...args] = sandboxCommand(probe, isolation, DEFAULT_LIMITS);
  outcome = JSON.parse((await run(cmd, args, { env: {} })).stdout) as Record<string, string>;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a sandbox's walls", () => {
  it.each(ESCAPES.map((e) => ({ ...e, label: e.name })))("refuse to $label", ({ name }) => {
    expect(outcome[name]).toBe("ERR_ACCESS_DENIED");
  });

  // Node 24 cannot start under the bare cap (its code range counts as data): the cap must still go up.
  it.runIf(hasPrlimit)("cap data memory, on this Node too", () => {
    expect(layers.filter((l) => l.includes("(prlimit)"))).toHaveLength(1);
    expect(outcome[HOARD.name]).toMatch(/allocation failed/i);
  });
});

/** The reference solutions, with shape() throwing the user id it runs as, in `dir`/`name`. */
async function tellingUid(name: string): Promise<string> {
  const impl = path.join(dir, name);
  await cp(paths.solutions, impl, { recursive: true });
  const file = path.join(impl, "01-linear-algebra/linalg.ts");
  const source = await readFile(file, "utf8");
  await writeFile(
    file,
    source.replace(/^(export function shape\([^{]*\{)/m, '$1\n  throw new Error("uid=" + process.getuid!());'),
  );
  return impl;
}

describe("grade, run as root", () => {
  it.skipIf(process.getuid?.() !== 0)(
    "runs student code as an unprivileged user, also with --out inside a folder only root may enter",
    async () => {
      const impl = await tellingUid("graded");
      const private_ = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-private-"));
      await chmod(private_, 0o700);
      try {
        const manifest = loadManifest();
        const out = path.join(private_, "out");
        await runBatch({
          submissions: [{ id: "uid", source: impl }],
          out,
          manifest,
          cases: loadCases(manifest, { visibility: ["public"] }),
          limits: DEFAULT_LIMITS,
          jobs: 1,
          force: true,
        });
        const results = await readFile(path.join(out, "uid", "results.json"), "utf8");
        expect(results).toMatch(/uid=\d+/);
        // With unshare or setpriv available (as on CI and this kit's machines), never uid 0.
        expect(results).not.toContain("uid=0");
      } finally {
        await rm(private_, { recursive: true, force: true });
      }
    },
  );
});

describe("check, run as root", () => {
  it.skipIf(process.getuid?.() !== 0)("runs student code as an unprivileged user where the OS allows", async () => {
    const impl = await tellingUid("impl");
    const session = await CheckSession.open({ manifest: loadManifest(), dir: impl, visibility: ["public"] });
    try {
      const result = await session.run(["01-linear-algebra"]);
      const messages = result.cases.map((c) => c.message).join("\n");
      expect(messages).toMatch(/uid=\d+/);
      // With unshare or setpriv available (as on CI and this kit's machines), never uid 0.
      expect(messages).not.toContain("uid=0");
    } finally {
      await session.close();
    }
  });
});
