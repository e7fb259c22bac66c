/**
 * Machine trouble never costs a student a point. A class of reference
 * submissions and one infinite loop is graded through the real CLI twice:
 * while every core is busy and a process writes files hard, and with each
 * sandbox's start delayed past every per-call limit. Both times every
 * reference scores full marks, the loop times out, and nothing is crashed or
 * an error.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { paths } from "../paths.ts";
import { sh, type Ran } from "./release-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";
import { hostWrapperPrefix } from "./slow-host.ts";

/** More than the sandboxes run at once, so the references queue behind the loop and each other under load. */
const REFERENCES = 5;
/** A slow start is a wait, not work: a few references show it as well as more. */
const SLOW_START_REFERENCES = 3;
const LOOP = "zz-infinite-loop";
/** Longer than any call's CPU limit, and than the old wall-clock limit of 2 s. */
const START_DELAY_S = 2.5;

let tmp: string;
const classDir = () => path.join(tmp, "class");

async function buildClass(): Promise<void> {
  for (let i = 1; i <= REFERENCES; i++) {
    await cp(paths.solutions, path.join(classDir(), `ref-${String(i).padStart(2, "0")}`, "exercises"), {
      recursive: true,
    });
  }
  const loop = path.join(classDir(), LOOP, "exercises");
  await cp(paths.solutions, loop, { recursive: true });
  const file = path.join(loop, "03-activations", "activations.ts");
  const text = await readFile(file, "utf8");
  const patched = text.replace(
    /export function sigmoid\(([^)]*)\)([^{]*)\{/,
    "export function sigmoid($1)$2{\n  for (;;) {}",
  );
  expect(patched).not.toBe(text);
  await writeFile(file, patched);
}

const refIds = (n: number) => Array.from({ length: n }, (_, i) => `ref-${String(i + 1).padStart(2, "0")}`);

async function grade(dir: string, out: string, env: Record<string, string> = {}): Promise<Ran> {
  return sh(process.execPath, cliArgs("grade", [dir, "--out", out]), paths.root, env);
}

async function results(out: string, references: number): Promise<SubmissionResult[]> {
  const ids = [...refIds(references), LOOP];
  return Promise.all(
    ids.map(async (id) =>
      SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8"))),
    ),
  );
}

function expectGradedFairly(ran: Ran, all: SubmissionResult[]): void {
  expect(ran.code, ran.stderr).toBe(0);
  for (const r of all) {
    expect(["crashed", "error"], `${r.submission}: ${r.note}`).not.toContain(r.grading_status);
    if (r.submission === LOOP) {
      expect(r.grading_status, r.note).toBe("timeout");
      const failed = r.cases.filter((c) => c.status !== "pass");
      expect(failed.length).toBeGreaterThan(0);
      // sigmoidPrime calls sigmoid, so its cases loop too.
      for (const c of failed) expect([c.exercise, c.status]).toEqual(["03-activations", "timeout"]);
    } else {
      const lost = r.cases.filter((c) => c.status !== "pass").map((c) => `${c.key}: ${c.message}`);
      expect(lost, r.submission).toEqual([]);
    }
  }
}

/** Busy loops on every core and then some, plus one process writing and syncing files as fast as it can. */
function saturate(): ChildProcess[] {
  const busy = Array.from({ length: os.availableParallelism() + 2 }, () =>
    spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
  );
  const file = path.join(tmp, "disk-hog.bin");
  const writer = `
    const fs = require("node:fs");
    const chunk = Buffer.alloc(1 << 20, 7);
    for (let i = 0; ; i++) {
      const fd = fs.openSync(${JSON.stringify(file)}, i % 64 === 0 ? "w" : "a");
      fs.writeSync(fd, chunk);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }`;
  return [...busy, spawn(process.execPath, ["-e", writer], { stdio: "ignore" })];
}

describe("grading under machine trouble", () => {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-stress-"));
    await buildClass();
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("grades every reference full and only the loop as a timeout while the machine is saturated", async () => {
    const hogs = saturate();
    try {
      const out = path.join(tmp, "saturated");
      const ran = await grade(classDir(), out);
      expectGradedFairly(ran, await results(out, REFERENCES));
    } finally {
      for (const hog of hogs) hog.kill("SIGKILL");
    }
  }, 600_000);

  it("does not count a slow sandbox start against the code", async () => {
    const wrapper = path.join(tmp, "slow-start.sh");
    await writeFile(wrapper, `#!/bin/sh\nsleep ${START_DELAY_S}\nexec ${hostWrapperPrefix()}"$@"\n`);
    await chmod(wrapper, 0o755);
    const small = path.join(tmp, "small-class");
    for (const id of [...refIds(SLOW_START_REFERENCES), LOOP])
      await cp(path.join(classDir(), id), path.join(small, id), { recursive: true });
    const out = path.join(tmp, "slow-start");
    const ran = await grade(small, out, { BACKPROP_TEST_SANDBOX_WRAPPER: wrapper });
    expectGradedFairly(ran, await results(out, SLOW_START_REFERENCES));
  }, 600_000);
});
