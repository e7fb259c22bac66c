/**
 * Honest submissions zipped or copied on a Mac (issue 21.9): __MACOSX/,
 * AppleDouble ._<name> files and .DS_Store are skipped as unzip tools skip
 * them, in zips, folders, loose-file submissions and class folders, and the
 * student's own files are taken exactly.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { collect, expandInputs } from "../submission/expand.ts";
import { isRefused, type Submission } from "../submission/source.ts";
import { zip } from "./corpus-build.ts";
import { APPLE_DOUBLE, macDebris } from "./corpus-intake.ts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "bpk-intake-mac-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const solutionFiles = (readdirSync(paths.solutions, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.split(path.sep).join("/"))
  .sort();
const LOOSE = { "delta.ts": "05-delta/delta.ts", "forward.ts": "04-forward/forward.ts" } as const;

/** The submission's files: the student's work plus the debris (AppleDouble, or a stale copy for a .ts in __MACOSX). */
function layout(work: string, debris: string[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const solution = (rel: string) => readFileSync(path.join(paths.solutions, rel));
  if (work.startsWith("loose:")) {
    const dir = work.slice("loose:".length);
    for (const [name, rel] of Object.entries(LOOSE)) files.set(path.posix.join(dir, name), solution(rel));
  } else for (const rel of solutionFiles) files.set(`${work}/${rel}`, solution(rel));
  for (const d of debris) {
    const paths = d.includes("{each}")
      ? solutionFiles.map((rel) =>
          d.replace("{each}", path.posix.join(path.posix.dirname(rel), `._${path.posix.basename(rel)}`)),
        )
      : [d];
    for (const p of paths)
      files.set(
        p,
        path.posix.basename(p).startsWith("._") || p.endsWith(".DS_Store")
          ? APPLE_DOUBLE
          : Buffer.from("export const stale = 1;\n"),
      );
  }
  return files;
}

function expected(work: string): string[] {
  return work.startsWith("loose:") ? [...Object.values(LOOSE), "types.ts"].sort() : solutionFiles;
}

async function writeFolder(dir: string, files: Map<string, Buffer>): Promise<void> {
  for (const [rel, data] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  }
}

describe.each(["zip", "folder"] as const)("a Mac's debris in a %s", (kind) => {
  it.each(macDebris)("$name: skipped, and the work taken as it is", async ({ name, work, debris }) => {
    const files = layout(work, debris);
    const source = path.join(tmp, kind, name.replace(/\W+/g, "-") + (kind === "zip" ? ".zip" : ""));
    mkdirSync(path.dirname(source), { recursive: true });
    if (kind === "zip") writeFileSync(source, await zip([...files].map(([n, data]) => ({ name: n, data }))));
    else await writeFolder(source, files);
    const [pending] = await expandInputs([source]);
    const got = await collect(pending);
    expect(isRefused(got) ? got.reason : "").toBe("");
    const taken = (got as Submission).files;
    expect([...taken.keys()].sort()).toEqual(expected(work));
    for (const [rel, data] of taken)
      if (rel !== "types.ts" || !work.startsWith("loose:"))
        expect(data.equals(readFileSync(path.join(paths.solutions, rel)))).toBe(true);
  });
});

describe("a class folder unzipped on a Mac", () => {
  it("lists only the students' submissions, not __MACOSX/ or ._<name>.zip", async () => {
    const dir = path.join(tmp, "class");
    const work = layout("exercises", []);
    await writeFolder(path.join(dir, "ada"), work);
    writeFileSync(path.join(dir, "ben.zip"), await zip([...work].map(([n, data]) => ({ name: n, data }))));
    writeFileSync(path.join(dir, "._ben.zip"), APPLE_DOUBLE);
    writeFileSync(path.join(dir, ".DS_Store"), APPLE_DOUBLE);
    await writeFolder(
      path.join(dir, "__MACOSX"),
      new Map([
        ["._ben.zip", APPLE_DOUBLE],
        ["ada/._exercises", APPLE_DOUBLE],
      ]),
    );
    const found = await expandInputs([dir]);
    expect(found.map((p) => p.id)).toEqual(["ada", "ben"]);
    for (const p of found) expect(isRefused(await collect(p))).toBe(false);
  });

  it("still refuses, with its reason, a student's own folder whose name starts with a dot", async () => {
    const dir = path.join(tmp, "class-dot");
    await writeFolder(path.join(dir, ".ada"), layout("exercises", []));
    await writeFolder(path.join(dir, "ben"), layout("exercises", []));
    const found = await expandInputs([dir]);
    expect(found.map((p) => p.id).sort()).toEqual(["ada", "ben"]);
    expect(found.find((p) => p.id === "ada")?.refuse).toMatch(/starts with a dot/);
  });
});
