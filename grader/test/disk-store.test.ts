/**
 * The folder that type checks and builds are kept in (disk-store.ts): an entry is whole or absent, read back only
 * if it is small enough and fits its schema, and the folder stays within its number of entries, the oldest going
 * first.
 */
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { DiskStore } from "../disk-store.ts";

const Entry = z.object({ n: z.number() });
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-disk-store-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function open(limits = { maxBytes: 1000, maxEntries: 100 }) {
  return DiskStore.open(await mkdtemp(path.join(tmp, "root-")), () => "v1", Entry, limits)!;
}

describe("an entry", () => {
  it("is read back as it was put", async () => {
    const store = await open();
    store.put("a", { n: 1 });
    expect(store.get("a")).toEqual({ n: 1 });
    expect(store.get("b")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{"],
    ["not of the schema", JSON.stringify({ n: "1" })],
    ["larger than the store reads", JSON.stringify({ n: 1, pad: "x".repeat(2000) })],
  ])("that is %s is not read", async (_, text) => {
    const store = await open();
    await writeFile(path.join(store.dir, "a.json"), text);
    expect(store.get("a")).toBeUndefined();
  });

  it("larger than the store reads is not kept", async () => {
    const store = await open({ maxBytes: 10, maxEntries: 100 });
    store.put("a", { n: 123_456_789 });
    expect(await readdir(store.dir)).toEqual([]);
  });
});

describe("a folder past its number of entries", () => {
  it.each([
    [4, 6, 3],
    [4, 5, 3],
    [8, 20, 6],
  ])("of at most %i, with %i, keeps the %i written last when opened", async (maxEntries, written, kept) => {
    const limits = { maxBytes: 1000, maxEntries };
    const store = await open(limits);
    const now = Date.now() / 1000;
    for (let i = 0; i < written; i++) {
      store.put(`e${i}`, { n: i });
      // Written a minute apart, newest last, whatever the file system's clock resolution.
      await utimes(path.join(store.dir, `e${i}.json`), now - (written - i) * 60, now - (written - i) * 60);
    }
    const reopened = DiskStore.open(path.dirname(store.dir), () => "v1", Entry, limits)!;
    const left = (await readdir(reopened.dir)).sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
    expect(left).toEqual(Array.from({ length: kept }, (_, i) => `e${written - kept + i}.json`));
  });

  it("at or under its number of entries is left alone", async () => {
    const store = await open({ maxBytes: 1000, maxEntries: 3 });
    for (const key of ["a", "b", "c"]) store.put(key, { n: 1 });
    DiskStore.open(path.dirname(store.dir), () => "v1", Entry, { maxBytes: 1000, maxEntries: 3 });
    expect((await readdir(store.dir)).sort()).toEqual(["a.json", "b.json", "c.json"]);
  });
});
