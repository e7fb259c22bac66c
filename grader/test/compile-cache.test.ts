/** A bundle is reused only when every file it was built from is byte-identical. */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compileExercises } from "../sandbox/compile.ts";
import { CompileCache, hashTree } from "../sandbox/compile-cache.ts";

const entries = entryFiles(loadManifest());
let tmp: string;
const cache = new CompileCache();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-cache-"));
  await cp(paths.solutions, path.join(tmp, "first"), { recursive: true });
  await compileExercises(path.join(tmp, "first"), entries, path.join(tmp, "out-first"), cache);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("the compile cache", () => {
  it.each([
    { change: "nothing", file: undefined, hits: Object.keys(entries) },
    {
      change: "a comment in 08",
      file: "08-gradient-check/gradcheck.ts",
      hits: Object.keys(entries).filter((id) => id !== "08-gradient-check"),
    },
    // 06 and 07 bundle 04's forward, so a change there misses all three.
    {
      change: "a comment in 04",
      file: "04-forward/forward.ts",
      hits: Object.keys(entries).filter((id) => !["04-forward", "06-gradients", "07-gradient-descent"].includes(id)),
    },
  ])(
    "after changing $change, reuses exactly the bundles built from unchanged files",
    async ({ change, file, hits }) => {
      const dir = path.join(tmp, change.replace(/\W+/g, "-"));
      await cp(paths.solutions, dir, { recursive: true });
      if (file) await writeFile(path.join(dir, file), `// changed\n`, { flag: "a" });
      const hashes = await hashTree(dir);
      expect(Object.keys(entries).filter((id) => cache.lookup(id, hashes) !== undefined)).toEqual(hits);
    },
  );
});
