/**
 * A submission's files are written whole or not at all, whether their folder is there yet or not, and a write that
 * fails leaves no temporary file behind.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeAtomic, writeAtomicSync } from "../batch/atomic.ts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "bpk-atomic-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const writers = [
  ["writeAtomicSync", async (file: string, text: string) => writeAtomicSync(file, text)],
  ["writeAtomic", writeAtomic],
] as const;

describe.each(writers)("%s", (name, write) => {
  const dir = path.join(tmp, name);

  it.each([
    ["a folder that is there", (d: string) => mkdirSync(d, { recursive: true }), "s1/results.json"],
    ["a folder that is missing", () => undefined, "s2/results.json"],
    ["folders missing two deep", () => undefined, "s3/deeper/results.json"],
    ["a file that is there already", (d: string) => writeFileSync(seed(d, "results.json"), "old"), "s4/results.json"],
  ])("writes into %s", async (_what, before, rel) => {
    before(path.join(dir, path.dirname(rel)));
    const file = path.join(dir, rel);
    await write(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it("throws where the folder is a file, and leaves nothing behind", async () => {
    const blocker = seed(dir, "s5");
    writeFileSync(blocker, "not a folder");
    await expect(write(path.join(blocker, "results.json"), "x")).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.startsWith(".s5") || f.endsWith(".tmp"))).toEqual([]);
  });
});

/** `rel` under `dir`, with its folder made. */
function seed(dir: string, rel: string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
