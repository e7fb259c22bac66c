/**
 * The release's formatter (release/format-store.ts): prettier's output, kept on disk by the file's path in the
 * release, the options and the text, so a release of unchanged files formats nothing again.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReleaseFormatter } from "../release/format-store.ts";

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-release-format-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const UGLY = "export const  x={a:1,\n b:[1,2,3]}";
const root = () => mkdtemp(path.join(tmp, "root-"));
/** The entry files of the store under `dir` (one version folder). */
async function entries(dir: string): Promise<string[]> {
  const [version] = await readdir(dir);
  return (await readdir(path.join(dir, version))).map((name) => path.join(dir, version, name));
}

describe("the release's formatter", () => {
  it.each([
    { rel: "exercises/a.ts", text: UGLY, options: {} },
    { rel: "docs/a.md", text: "#  Title\n*  one\n*  two\n", options: {} },
    { rel: "fixtures/a.json", text: '{"a":[1,2,3],  "b":{}}', options: {} },
    { rel: "exercises/b.ts", text: UGLY, options: { printWidth: 20, semi: false } },
  ])("formats $rel as prettier does, and keeps it", async ({ rel, text, options }) => {
    const dir = await root();
    const file = path.join(tmp, "out", rel);
    const got = await new ReleaseFormatter(options, dir).format(text, rel, file);
    expect(got).toBe(await prettier.format(text, { ...options, filepath: file }));
    expect(await entries(dir)).toHaveLength(1);
    // Again, from the store: the same answer, and nothing more kept.
    expect(await new ReleaseFormatter(options, dir).format(text, rel, file)).toBe(got);
    expect(await entries(dir)).toHaveLength(1);
  });

  it("answers a text it formatted before from the store, without prettier", async () => {
    const dir = await root();
    await new ReleaseFormatter({}, dir).format(UGLY, "a.ts", "/out/a.ts");
    const [entry] = await entries(dir);
    await writeFile(entry, JSON.stringify("kept\n"));
    expect(await new ReleaseFormatter({}, dir).format(UGLY, "a.ts", "/out/a.ts")).toBe("kept\n");
  });

  it.each([
    ["another path", { rel: "b.ts", options: {}, text: UGLY }],
    ["other options", { rel: "a.ts", options: { semi: false }, text: UGLY }],
    ["another text", { rel: "a.ts", options: {}, text: `${UGLY};` }],
  ])("keeps %s apart", async (_, { rel, options, text }) => {
    const dir = await root();
    await new ReleaseFormatter({}, dir).format(UGLY, "a.ts", "/out/a.ts");
    await new ReleaseFormatter(options, dir).format(text, rel, `/out/${rel}`);
    expect(await entries(dir)).toHaveLength(2);
  });

  it("fails on a text prettier cannot parse, and keeps nothing", async () => {
    const dir = await root();
    await expect(new ReleaseFormatter({}, dir).format("export const = ;", "a.ts", "/out/a.ts")).rejects.toThrow();
    expect(await entries(dir)).toEqual([]);
  });

  it("formats as before where its folder cannot be written", async () => {
    const blocked = path.join(tmp, "a-file");
    await writeFile(blocked, "");
    const got = await new ReleaseFormatter({}, path.join(blocked, "store")).format(UGLY, "a.ts", "/out/a.ts");
    expect(got).toBe(await prettier.format(UGLY, { filepath: "/out/a.ts" }));
    expect(await readFile(blocked, "utf8")).toBe("");
  });
});
