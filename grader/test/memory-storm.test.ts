/**
 * An allocation storm ends out of memory on every host, and a loop that does
 * not allocate ends out of time: the verdict never hangs on how fast the host
 * is at page faults. Each storm runs as a call with the kit's own limits, on
 * this host and on one where every CPU millisecond the sandbox spends counts
 * double (slow-host.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { cpuAccounting } from "../sandbox/cpu.ts";
import { runCalls, type CallOutcome } from "../sandbox/run.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { slowHostWrapper } from "./slow-host.ts";

let tmp: string;
let workspace: Workspace;
let wrapper: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-storm-"));
  wrapper = await slowHostWrapper(tmp);
  workspace = await Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: false });
});
afterAll(async () => {
  await workspace.dispose();
  await rm(tmp, { recursive: true, force: true });
});

/** A sigmoid whose body is `body`; the call's CPU limit is the recorded one of a small case. */
const sigmoid = (body: string) => `exports.sigmoid = (z) => { ${body}; return 1 / (1 + Math.exp(-z)); };`;

const STORMS = [
  { name: "arrays of numbers", body: "const h = []; for (;;) h.push(new Array(1e6).fill(Math.random()))" },
  { name: "small objects", body: "const h = []; for (let i = 0; ; i++) h.push({ i, s: [i, i + 1] })" },
  { name: "strings", body: 'const h = []; for (;;) h.push("x".repeat(1e5) + Math.random())' },
  { name: "a growing map", body: "const m = new Map(); for (let i = 0; ; i++) m.set(i, [i])" },
  { name: "filled typed arrays", body: "const h = []; for (;;) h.push(new Float64Array(1 << 20).fill(1))" },
  { name: "one array grown forever", body: "const a = []; for (let i = 0; ; i++) a.push(i * 0.5)" },
];
const HOSTS = [
  { host: "this host", slow: false },
  { host: "a host twice as slow", slow: true },
];

async function call(body: string, slow: boolean, limitMs = 100): Promise<CallOutcome | undefined> {
  const report = await runCalls({
    harness: workspace.harness,
    modules: { "03-activations": sigmoid(body) },
    calls: [{ id: "0", exercise: "03-activations", fn: "sigmoid", args: [[0]], limitMs }],
    limits: DEFAULT_LIMITS,
    // Under `npm run test:slow-host` this host is slow already (the workspace's prefix): the slower is slower still.
    isolation: { prefix: [...workspace.isolation.prefix, ...(slow ? [wrapper] : [])], layers: [] },
  });
  return report.outcomes.get("0");
}

describe.runIf(cpuAccounting())("an allocation storm", () => {
  it.each(HOSTS.flatMap(({ host, slow }) => STORMS.map((s) => ({ ...s, host, slow }))))(
    "of $name ends out of memory on $host",
    async ({ body, slow }) => {
      const outcome = await call(body, slow);
      expect(outcome?.status).toBe("crashed");
      expect(outcome && "message" in outcome ? outcome.message : "").toMatch(/^ran out of memory/);
    },
    120_000,
  );

  it.each(HOSTS)(
    "a loop that does not allocate ends out of time on $host",
    async ({ slow }) => {
      const outcome = await call("for (;;) {}", slow);
      expect(outcome?.status).toBe("timeout");
    },
    60_000,
  );

  it.each(HOSTS)(
    "a call that makes much short-lived garbage is answered on $host",
    async ({ slow }) => {
      const churn = "let s = 0; for (let i = 0; i < 2e5; i++) s += new Array(64).fill(i)[3]; if (s < 0) throw 0";
      const outcome = await call(churn, slow, 2000);
      expect(outcome).toMatchObject({ status: "ok", value: [0.5] });
    },
    60_000,
  );
});
