/**
 * Finished builds are kept on disk by the content of their request (compile-store.ts): a later run given the same
 * files starts no compile host, and gets the same bundles or the same errors. Only answers are kept, never a build
 * stopped on its limits; any change to what esbuild is given is a new build; what is read back must be sound.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readExerciseFiles } from "../engine/grade.ts";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compileExercises, type ExerciseFiles } from "../sandbox/compile.ts";
import { compileVariant } from "../sandbox/compile-variants.ts";
import { CompileCache } from "../sandbox/compile-cache.ts";
import type { BuildRequest } from "../sandbox/compile-plugin.ts";
import { CompileStore, requestKey } from "../sandbox/compile-store.ts";
import { counted } from "./count-builds.ts";

const entries = entryFiles(loadManifest());
let solutions: ExerciseFiles;
let tmp: string;
let store: CompileStore;

beforeAll(async () => {
  solutions = await readExerciseFiles(paths.solutions);
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-compile-store-"));
  store = CompileStore.open(tmp)!;
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The solutions with `exercise`'s entry file changed by `edit`: a file set no other test builds. */
function edited(exercise: string, edit: (text: string) => string): ExerciseFiles {
  const files = new Map(solutions);
  files.set(entries[exercise], edit(String(files.get(entries[exercise]))));
  return files;
}

/** Each run's own cache, as each grading run has: only the disk is shared between them. */
const compile = (files: ExerciseFiles) => compileExercises(files, entries, new CompileCache({ disk: store }));

describe("a later run given the same files", () => {
  it.each([
    ["a submission that builds", (): ExerciseFiles => edited("05-delta", (t) => `// ${tmp} builds\n${t}`)],
    ["a submission with a syntax error", (): ExerciseFiles => edited("05-delta", (t) => `${t}\nconst = ;\n`)],
    [
      "a submission that imports a package",
      (): ExerciseFiles => edited("01-linear-algebra", (t) => `import "fs";\n${t}`),
    ],
  ])("%s: starts no compile host and gets the same outcome", async (_, files) => {
    const first = await counted(() => compile(files()));
    expect(first.builds).toBeGreaterThan(0);
    const again = await counted(() => compile(files()));
    expect(again).toEqual({ result: first.result, builds: 0 });
  });

  it("a variant with the reference's files swapped in: starts no compile host and gets the same bundle", async () => {
    const files = edited("06-gradients", (t) => `// ${tmp} variant\n${t}`);
    const variant = () =>
      compileVariant(
        files,
        entries["07-gradient-descent"],
        solutions,
        (rel) => rel.startsWith("06-"),
        undefined,
        store,
      );
    const first = await counted(variant);
    expect(first.builds).toBe(1);
    expect(first.result).toEqual(expect.any(String));
    expect(await counted(variant)).toEqual({ result: first.result, builds: 0 });
  });
});

describe("what is kept", () => {
  const request = (files: [string, string | Uint8Array][], more: Partial<BuildRequest> = {}): BuildRequest => ({
    files,
    refused: [],
    entryPoints: [{ in: "/exercises/a.ts", out: "a" }],
    sourcemap: true,
    ...more,
  });
  const base = request([["a.ts", "export const a = 1;"]]);

  it.each([
    ["a byte of a file", request([["a.ts", "export const a = 2;"]])],
    ["a file's name", request([["b.ts", "export const a = 1;"]])],
    ["the same text given as bytes", request([["a.ts", new TextEncoder().encode("export const a = 1;")]])],
    ["a refusal", request(base.files, { refused: [["a.ts", "too deep"]] })],
    ["an entry", request(base.files, { entryPoints: [{ in: "/exercises/a.ts", out: "b" }] })],
    ["the source map option", request(base.files, { sourcemap: false })],
    ["a reference file", request(base.files, { reference: [["a.ts", "export const a = 1;"]], swapped: [] })],
    ["a swapped file", request(base.files, { reference: [], swapped: ["a.ts"] })],
  ])("changing %s is another build", (_, changed) => {
    expect(requestKey(changed)).not.toBe(requestKey(base));
  });

  it("the same request, made again, is the same build", () => {
    expect(requestKey(request([["a.ts", "export const a = 1;"]]))).toBe(requestKey(base));
  });

  it.each([
    ["stopped on its limits", { ok: false as const, reason: "compiling took longer than 1 s of CPU time" }],
    [
      "given up on by the machine",
      { ok: false as const, reason: "the machine gave it no CPU", machine: true as const },
    ],
  ])("a build %s is not kept: the next run builds again", async (_, failure) => {
    const key = request([["a.ts", `// ${failure.reason}`]]);
    expect(await store.build(key, async () => failure)).toEqual(failure);
    const build = vi.fn(async () => failure);
    await store.build(key, build);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe("what is read back", () => {
  const files = () => edited("03-activations", (t) => `// ${tmp} unsound\n${t}`);

  it.each([
    ["not JSON", () => "{"],
    ["not an answer", () => JSON.stringify({ errors: "none", outputs: [] })],
    ["an answer with a field of the wrong type", () => JSON.stringify({ errors: [], outputs: [{ path: 1 }] })],
    [
      "an answer larger than any build's",
      () =>
        JSON.stringify({
          errors: [],
          outputs: [{ path: "a.js", text: "x".repeat(33 << 20) }],
          outputInputs: [],
          inputs: [],
        }),
    ],
  ])("%s is built again, and the outcome is the build's", async (_, text) => {
    // A store of its own, so that only this build's entries are spoilt.
    const own = CompileStore.open(await mkdtemp(path.join(tmp, "read-back-")))!;
    const compileOwn = (files: ExerciseFiles) => compileExercises(files, entries, new CompileCache({ disk: own }));
    const first = await compileOwn(files());
    const kept = await readdir(own.dir);
    expect(kept.length).toBeGreaterThan(0);
    for (const entry of kept) await writeFile(path.join(own.dir, entry), text());
    const again = await counted(() => compileOwn(files()));
    expect(again.builds).toBeGreaterThan(0);
    expect(again.result).toEqual(first);
  });

  it("another version's folder is removed when the store is opened", async () => {
    const root = await mkdtemp(path.join(tmp, "versions-"));
    const old = path.join(root, "an-older-version");
    await mkdir(old);
    await writeFile(path.join(old, "entry.json"), "{}");
    const reopened = CompileStore.open(root)!;
    expect(await readdir(root)).toEqual([path.basename(reopened.dir)]);
  });
});
