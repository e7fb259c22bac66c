/**
 * The release builder's guard: it ships what `npm run check` loads, and fails
 * when check comes to load a course-only file or a development package.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ReleaseError } from "../errors.ts";
import { courseOnly, graderClosure } from "../release/contents.ts";
import { paths } from "../paths.ts";

let tmp: string | undefined;
afterEach(() => (tmp ? rm(tmp, { recursive: true, force: true }) : undefined));

async function kit(files: Record<string, string>): Promise<string> {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-closure-"));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
    await writeFile(path.join(tmp, rel), text);
  }
  return tmp;
}

describe("graderClosure", () => {
  it("follows imports and files loaded by URL from the course's check", async () => {
    const pkg = JSON.parse(readFileSync(path.join(paths.root, "package.json"), "utf8"));
    const files = await graderClosure(paths.root, pkg.dependencies);
    expect(files).toContain("grader/cli/check-launch.js");
    expect(files).toContain("grader/cli/check.ts");
    expect(files).toContain("grader/sandbox/harness.ts");
    expect(files.filter((f) => courseOnly(f))).toEqual([]);
  });

  it.each([
    ["a course-only file", { "grader/cli/check.ts": 'import "../misconceptions/catalogue.ts";' }, /catalogue\.ts/],
    ["a development package", { "grader/cli/check.ts": 'import "vitest";' }, /not runtime dependencies: vitest/],
  ])("refuses %s", async (_what, files, message) => {
    const root = await kit({
      "grader/misconceptions/catalogue.ts": "export {};",
      "grader/cli/check-launch.js": 'await import("./check.ts");',
      ...files,
    });
    await expect(graderClosure(root, {})).rejects.toThrow(ReleaseError);
    await expect(graderClosure(root, {})).rejects.toThrow(message);
  });
});
