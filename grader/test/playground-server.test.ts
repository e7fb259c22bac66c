/**
 * The playground's server tells the page to reload the student's code only when the code it runs changed. A file
 * saved again as it was, or whose times or links changed, keeps the page's training where it is: a reload starts the
 * network over. (A hard link made to the kit's own solutions by another test once reset a page mid-test.)
 */
import { cp, link, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { startPlayground, type Playground } from "../playground/server.ts";

const DELTA = "05-delta/delta.ts";
/** Longer than the server waits for a burst of saves, so a touch and a later change are two rebuilds, not one. */
const APART_MS = 1_000;

let tmp: string;
let impl: string;
let playground: Playground;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-playground-server-"));
  impl = path.join(tmp, "impl");
  await cp(paths.solutions, impl, { recursive: true });
  playground = await startPlayground({ impl, label: "impl", port: 0 });
});
afterEach(async () => {
  await playground?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** The version the server's event stream starts with: how many builds the page was told to load. */
async function version(): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(`${playground.url}events`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  controller.abort();
  const line = /^data: (.*)$/m.exec(new TextDecoder().decode(value))?.[1] ?? "{}";
  return (JSON.parse(line) as { version: number }).version;
}

async function versionReaches(target: number): Promise<number> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const now = await version();
    if (now >= target) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return version();
}

describe("the playground's server", () => {
  it.each([
    ["a hard link made to it elsewhere", (file: string) => link(file, path.join(tmp, "elsewhere.ts"))],
    ["its times changed", (file: string) => utimes(file, new Date(), new Date())],
    ["the same text saved again", async (file: string) => writeFile(file, await readFile(file))],
  ])(
    "keeps the page's code when a file has %s, and reloads it on a real change",
    async (_, touch) => {
      const file = path.join(impl, DELTA);
      expect(await version()).toBe(1);
      await touch(file);
      await new Promise((resolve) => setTimeout(resolve, APART_MS));
      expect(await version()).toBe(1);
      await writeFile(file, `${await readFile(file, "utf8")}\nexport const changed = 1;\n`);
      expect(await versionReaches(2)).toBe(2);
    },
    30_000,
  );
});
