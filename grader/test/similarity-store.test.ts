/**
 * Dolos loads from the per-user store's build for the running Node where there is one, so a machine that has
 * installed it under two Nodes switches between them with no reinstall; else from .similarity/node_modules, whose
 * build for another Node fails to load with a message that says to install.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dolosModules, SIMILARITY_DIR, STAMP, stamp, storeDir } from "../similarity/store.ts";

let tmp: string;
let before: string | undefined;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bpk-dolos-store-"));
  before = process.env.BACKPROP_KIT_CACHE;
  process.env.BACKPROP_KIT_CACHE = tmp;
});

afterAll(() => {
  // vitest runs many files in one process (isolate: false): leave the environment as it was found.
  if (before === undefined) delete process.env.BACKPROP_KIT_CACHE;
  else process.env.BACKPROP_KIT_CACHE = before;
  rmSync(tmp, { recursive: true, force: true });
});

const local = path.join(SIMILARITY_DIR, "node_modules");

describe("the build Dolos loads from", () => {
  it.each([
    { label: "no build in the store", stamped: undefined, from: "local" },
    { label: "the store's build for this Node", stamped: () => stamp(), from: "store" },
    {
      label: "a build stamped for another Node's ABI",
      stamped: () => stamp().replace(/-abi\d+-/, "-abi1-"),
      from: "local",
    },
  ])("is .similarity's or the store's: $label → $from", ({ stamped, from }) => {
    const modules = path.join(storeDir(), "node_modules");
    rmSync(path.join(tmp, "backprop-kit"), { recursive: true, force: true });
    if (stamped) {
      mkdirSync(modules, { recursive: true });
      writeFileSync(path.join(modules, STAMP), stamped());
    }
    expect(dolosModules()).toBe(from === "store" ? modules : local);
  });

  it("keys the store by this Node's module ABI", () => {
    expect(storeDir().startsWith(path.join(tmp, "backprop-kit", "similarity"))).toBe(true);
    expect(stamp()).toContain(`-abi${process.versions.modules}-`);
  });
});
