/**
 * Grades the adversarial corpus together with two clean submissions in one
 * batch, through the real `grade` command, and checks every attack's outcome,
 * that the clean submissions are untouched, and that nothing was written
 * outside the output folder or changed in the inputs.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { ATTACKS, CANARY, type Attack } from "./corpus.ts";

const run = promisify(execFile);
const manifest = loadManifest();
let tmp: string;
let classDir: string;
let out: string;
let results: Map<string, SubmissionResult>;
let stdout: string;
let hashBefore: string;

async function treeHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    const full = path.join(entry.parentPath, entry.name);
    hash.update(full);
    if (entry.isFile()) hash.update(await readFile(full));
  }
  return hash.digest("hex");
}

function zip(entries: { name: string; data: string; mode?: number }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) z.addBuffer(Buffer.from(e.data), e.name, e.mode ? { mode: e.mode } : {});
  z.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    z.outputStream.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** yazl refuses unsafe names, as it should; write a safe one of the same length, then swap the bytes. */
async function zipWithName(unsafe: string): Promise<Buffer> {
  const placeholder = "x".repeat(unsafe.length - "evil.ts".length) + "evil.ts";
  const buffer = await zip([
    { name: "exercises/01-linear-algebra/linalg.ts", data: "export {};" },
    { name: placeholder, data: "export {};" },
  ]);
  return Buffer.from(buffer.toString("latin1").split(placeholder).join(unsafe), "latin1");
}

async function build(attack: Attack): Promise<void> {
  const dir = path.join(classDir, attack.name);
  switch (attack.build) {
    case "symlink":
      await cp(paths.solutions, path.join(dir, "exercises"), { recursive: true });
      await rm(path.join(dir, "exercises/05-delta/delta.ts"));
      await symlink(path.join(paths.solutions, "05-delta/delta.ts"), path.join(dir, "exercises/05-delta/delta.ts"));
      return;
    case "zip-slip":
      return writeFile(`${dir}.zip`, await zipWithName("../evil.ts"));
    case "zip-absolute":
      return writeFile(`${dir}.zip`, await zipWithName("/tmp/evil.ts"));
    case "zip-symlink":
      return writeFile(
        `${dir}.zip`,
        await zip([{ name: "exercises/05-delta/delta.ts", data: "../../solutions/05-delta/delta.ts", mode: 0o120777 }]),
      );
  }
  await cp(paths.solutions, path.join(dir, "exercises"), { recursive: true });
  const file = path.join(dir, "exercises", attack.file!);
  const source = await readFile(file, "utf8");
  await writeFile(file, attack.patch!(source, { solutions: paths.solutions, fixtures: paths.fixtures, out }));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-corpus-"));
  classDir = path.join(tmp, "class");
  out = path.join(tmp, "results");
  await mkdir(classDir);
  for (const clean of ["clean-first", "zz-clean-last"]) {
    await cp(paths.solutions, path.join(classDir, clean, "exercises"), { recursive: true });
  }
  for (const attack of ATTACKS) await build(attack);
  hashBefore = await treeHash(classDir);
  const child = await run(process.execPath, ["--import", "tsx", "grader/cli/grade.ts", classDir, "--out", out], {
    cwd: paths.root,
    env: { ...process.env, [CANARY]: CANARY, SECRET_TOKEN: CANARY },
    maxBuffer: 16 * 2 ** 20,
  });
  stdout = child.stdout;
  results = new Map();
  for (const entry of await readdir(out, { withFileTypes: true })) {
    const file = path.join(out, entry.name, "results.json");
    if (entry.isDirectory() && existsSync(file)) {
      results.set(entry.name, SubmissionResultSchema.parse(JSON.parse(await readFile(file, "utf8"))));
    }
  }
}, 300_000);

afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("adversarial corpus, graded in one batch", () => {
  it("grades every submission", () => {
    expect(results.size).toBe(ATTACKS.length + 2);
    expect(stdout).toMatch(/Graded \d+\/\d+ submissions/);
  });

  it.each(["clean-first", "zz-clean-last"])("%s still scores full marks", (id) => {
    const r = results.get(id)!;
    expect(r.grading_status).toBe("graded");
    // Bonus exercises are extra credit: full marks are every exercise's points, above the maximum.
    expect(r.score).toBe(r.exercises.reduce((s, e) => s + e.max_score, 0));
  });

  it.each(ATTACKS.map((a) => ({ a, name: a.name })))("$name ends as it must", ({ a }) => {
    const isolation = stdout.match(/Sandbox: (.*)/)?.[1] ?? "";
    if (a.requires && !isolation.includes(a.requires)) return;
    const r = results.get(a.name)!;
    const text = JSON.stringify(r);
    expect(r.grading_status, r.note).toBe(a.status);
    for (const wanted of a.reports ?? []) expect(text).toContain(wanted);
    for (const secret of a.never ?? []) expect(text).not.toContain(secret);
    if (a.status === "refused") {
      expect(r.score).toBe(0);
      return;
    }
    expect(r.cases.length).toBeGreaterThan(0);
    if (a.loses === "any") return;
    for (const e of manifest.exercises) {
      const got = r.exercises.find((x) => x.id === e.id)!;
      if (a.loses.includes(e.id)) expect(got.score, `${e.id} should lose points`).toBeLessThan(got.max_score);
      else expect(got.score, `${e.id} should be untouched: ${r.note}`).toBe(got.max_score);
    }
  });

  it("writes nothing outside the output folder and leaves the inputs unchanged", async () => {
    expect(existsSync("/tmp/backprop-kit-pwned")).toBe(false);
    expect(existsSync(path.join(out, "pwned.json"))).toBe(false);
    expect(existsSync("/tmp/evil.ts")).toBe(false);
    expect(existsSync(path.join(tmp, "evil.ts"))).toBe(false);
    expect(await treeHash(classDir)).toBe(hashBefore);
  });
});
