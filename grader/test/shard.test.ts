/**
 * Sharded grading: the shard rule, and the demo class graded as shards 1/3,
 * 2/3 and 3/3 then merged equals one unsharded run: the same gradebook.csv
 * byte for byte, and the same results.json for every submission but for
 * when it was graded and how long it took.
 *
 * The class is the demo class without its memory bomb: filling memory until the limit cost more CPU than the
 * other fourteen submissions together, graded twice here, and how a storm ends depends on the host's load
 * (issue 23.2), not on sharding; memory-storm.test.ts covers it. The infinite loop stays, for a timeout.
 */
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseShard, selectShard } from "../batch/shard.ts";
import { paths } from "../paths.ts";
import { sh, type Ran } from "./release-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";

describe("the shard rule", () => {
  const ids = ["eve", "ada", "cai", "ben", "dee", "fay", "gus"].map((id) => ({ id }));

  it.each([1, 2, 3, 7, 10])("puts every submission in exactly one of %i shards", (total) => {
    const shards = Array.from({ length: total }, (_, i) => selectShard(ids, { index: i + 1, total }).map((s) => s.id));
    expect(shards.flat().sort()).toEqual(ids.map((s) => s.id).sort());
  });

  it("takes every N-th submission in id order", () => {
    expect(selectShard(ids, { index: 2, total: 3 }).map((s) => s.id)).toEqual(["ben", "eve"]);
  });

  it.each(["0/3", "4/3", "1/0", "a/b", "2", "-1/3"])("refuses --shard %s", (text) => {
    expect(() => parseShard(text)).toThrow(/i\/N/);
  });
});

/** See the top of the file. */
const LEFT_OUT = "lee-memory-bomb";

describe("sharded and merged grading of the demo class", () => {
  let tmp: string;
  let runs: Ran[];
  const dir = (name: string) => path.join(tmp, name);

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-shards-"));
    const klass = dir("class");
    // ned-symlink's symlink is copied as it is: refusing it is part of the class.
    await cp(paths.demoClass, klass, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => path.basename(src) !== LEFT_OUT,
    });
    const grade = (...args: string[]) => sh(process.execPath, cliArgs("grade", [klass, ...args]), paths.root);
    // Two jobs each, so the four runs share the machine as four CI machines would not.
    runs = await Promise.all([
      grade("--out", dir("whole"), "--jobs", "2"),
      ...[1, 2, 3].map((i) => grade("--shard", `${i}/3`, "--out", dir(`shard-${i}`), "--jobs", "2")),
    ]);
    runs.push(
      await sh(
        process.execPath,
        cliArgs("grade", ["merge", dir("shard-1"), dir("shard-2"), dir("shard-3"), "--out", dir("merged")]),
        paths.root,
      ),
    );
  }, 300_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it("runs every command cleanly", () => {
    // Progress lines go to stderr; an error would too, with its exit status.
    expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
    expect(runs.filter((r) => /warning|Internal error|Error:/.test(r.stderr)).map((r) => r.stderr)).toEqual([]);
  });

  it("grades every kind of outcome the demo class has but the memory bomb", () => {
    const [, ...rows] = readFileSync(path.join(dir("whole"), "gradebook.csv"), "utf8")
      .trim()
      .split("\n");
    const statuses = new Set(rows.map((row) => row.split(",")[1]));
    expect([...statuses].sort()).toEqual(["compile_error", "graded", "refused", "timeout"]);
  });

  it("splits the class across the shards", async () => {
    const sizes = await Promise.all([1, 2, 3].map(async (i) => (await readdir(dir(`shard-${i}`))).length));
    expect(sizes.every((n) => n > 1)).toBe(true);
  });

  it("writes the same gradebook.csv", () => {
    const whole = readFileSync(path.join(dir("whole"), "gradebook.csv"), "utf8");
    expect(readFileSync(path.join(dir("merged"), "gradebook.csv"), "utf8")).toBe(whole);
    expect(whole.trim().split("\n").length).toBeGreaterThan(12);
  });

  it("writes the same class-level files", async () => {
    const top = async (d: string) =>
      (await readdir(d, { withFileTypes: true }))
        .filter((e) => !e.name.startsWith("."))
        .map((e) => e.name)
        .sort();
    expect(await top(dir("merged"))).toEqual(await top(dir("whole")));
  });

  it("writes the same results.json for every submission, but for graded_at and duration_ms", async () => {
    const ids = (await readdir(dir("whole"), { withFileTypes: true }))
      .filter((e) => e.isDirectory() && existsSync(path.join(dir("whole"), e.name, "results.json")))
      .map((e) => e.name);
    expect(ids.length).toBeGreaterThan(12);
    const load = (d: string, id: string) => {
      const {
        graded_at: _at,
        duration_ms: _ms,
        ...rest
      } = JSON.parse(readFileSync(path.join(d, id, "results.json"), "utf8"));
      return rest;
    };
    for (const id of ids) expect(load(dir("merged"), id), id).toEqual(load(dir("whole"), id));
  });

  it("refuses to merge a submission graded in two shards", async () => {
    const r = await sh(
      process.execPath,
      cliArgs("grade", ["merge", dir("shard-1"), dir("whole"), "--out", dir("twice")]),
      paths.root,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was graded in both/);
  });
});
