/**
 * The type checker remembers warnings by file-set content: the same files (in any order, as a new Map) are not
 * checked again, and any change of content or name is. Finished checks are also kept on disk
 * (typecheck-store.ts), so a later run given the same files starts no compiler; what it reads back must be sound.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TypeChecker } from "../check/typecheck.ts";
import { TypeCheckStore } from "../check/typecheck-store.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";

let tmp: string;
let store: TypeCheckStore;
let checker: TypeChecker;
let solutions: ExerciseFiles;

async function open(): Promise<TypeChecker> {
  const opened = await TypeChecker.open({}, { store });
  if (!(opened instanceof TypeChecker)) throw new Error(opened.unavailable);
  return opened;
}

/** Counts the checks that reach a compiler. */
function compilerRuns(of: TypeChecker) {
  return vi.spyOn(of as unknown as { checkNow: () => unknown }, "checkNow");
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-typecheck-store-"));
  store = TypeCheckStore.open(tmp)!;
  checker = await open();
  solutions = await readExerciseFiles(paths.solutions);
});
afterAll(async () => {
  await checker?.close();
  await rm(tmp, { recursive: true, force: true });
});

const withError = (files: ExerciseFiles, rel: string) =>
  new Map([...files].map(([r, t]) => [r, r === rel ? `${t}\nconst wrong: string = 1;\n` : t]));

describe("the type check cache", () => {
  it.each([
    ["the same files again", (f: ExerciseFiles) => new Map(f), 0],
    ["the same files in another order", (f: ExerciseFiles) => new Map([...f].reverse()), 0],
    ["a type error added", (f: ExerciseFiles) => withError(f, "05-delta/delta.ts"), 1],
    ["a file renamed", (f: ExerciseFiles) => new Map([...f].map(([r, t]) => [r.replace("delta.ts", "d.ts"), t])), 1],
    ["a file taken away", (f: ExerciseFiles) => new Map([...f].filter(([r]) => !r.startsWith("09-"))), 1],
  ])("checks %s %i more time(s)", async (_what, change, runs) => {
    const first = await checker.check(solutions);
    const spy = compilerRuns(checker);
    try {
      const again = await checker.check(change(solutions));
      expect(spy).toHaveBeenCalledTimes(runs);
      if (runs === 0) expect(again).toEqual(first);
    } finally {
      spy.mockRestore();
    }
  });

  it("gives each caller its own copy", async () => {
    const files = withError(solutions, "04-forward/forward.ts");
    const a = await checker.check(files);
    if (!("warnings" in a)) throw new Error(a.skipped);
    a.warnings.length = 0;
    const b = await checker.check(new Map(files));
    expect("warnings" in b && b.warnings.length).toBeGreaterThan(0);
  });
});

describe("the type checks kept on disk", () => {
  it("answer a later run given the same files, with no compiler, as the compiler did", async () => {
    const files = withError(solutions, "06-gradients/gradients.ts");
    const fresh = await checker.check(files);
    expect("warnings" in fresh && fresh.warnings.length).toBeGreaterThan(0);
    const later = await open();
    const spy = compilerRuns(later);
    try {
      expect(await later.check(new Map(files))).toEqual(fresh);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      await later.close();
    }
  });

  it.each([
    ["not JSON", () => "{"],
    ["not warnings", () => JSON.stringify({ warnings: [{ file: 1 }] })],
    ["a skipped check", () => JSON.stringify({ skipped: "made up" })],
    ["larger than any real entry", () => JSON.stringify({ warnings: [], pad: "x".repeat(2 << 20) })],
  ])("are checked again when an entry is %s", async (_what, text) => {
    // Content no run has seen, so the entry written is this one's.
    const files = withError(
      new Map([...solutions, ["extra.ts", `// ${randomBytes(8).toString("hex")}\n`]]),
      "extra.ts",
    );
    await checker.check(files);
    const entries = (await readdir(store.dir)).filter((f) => f.endsWith(".json"));
    const later = await open();
    for (const entry of entries) await writeFile(path.join(store.dir, entry), text());
    const spy = compilerRuns(later);
    try {
      const again = await later.check(new Map(files));
      expect(spy).toHaveBeenCalledTimes(1);
      expect("warnings" in again && again.warnings.map((w) => w.file)).toEqual(["exercises/extra.ts"]);
    } finally {
      spy.mockRestore();
      await later.close();
    }
  });

  it("keep no skipped check", () => {
    const key = "0".repeat(64);
    store.put(key, { skipped: "went over its limit" });
    expect(store.get(key)).toBeUndefined();
  });
});
