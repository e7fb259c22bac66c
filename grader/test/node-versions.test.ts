/**
 * The kit grades alike on every supported Node. The permission flag is chosen
 * by what this Node accepts; the reruns of the sandbox, adversarial and check
 * tests under the pinned Nodes are node-versions-22, -24 and -20.test.ts.
 */
import { describe, expect, it } from "vitest";
import { maglevFlags, NoPermissionModelError, permissionFlag } from "../sandbox/node-flags.ts";

describe("the permission flag", () => {
  it.each([
    { label: "Node 20 (old name only)", known: ["--experimental-permission"], flag: "--experimental-permission" },
    { label: "Node 22.13+ (both names)", known: ["--permission", "--experimental-permission"], flag: "--permission" },
    { label: "Node 24 (new name only)", known: ["--permission"], flag: "--permission" },
  ])("is $flag on $label", ({ known, flag }) => {
    expect(permissionFlag(new Set(known), "vX")).toBe(flag);
  });

  it("is a clear error on a Node without a permission model", () => {
    expect(() => permissionFlag(new Set(["--max-old-space-size"]), "v18.20.0")).toThrow(NoPermissionModelError);
    expect(() => permissionFlag(new Set(), "v18.20.0")).toThrow(/Node v18\.20\.0 has no permission model/);
  });

  it("is one this Node accepts", () => {
    expect(process.allowedNodeEnvironmentFlags.has(permissionFlag())).toBe(true);
  });
});

describe("Maglev in the sandbox", () => {
  it.each([
    { version: "v20.20.2", env: {}, flags: [] },
    { version: "v22.13.0", env: {}, flags: ["--no-maglev"] },
    { version: "v24.11.1", env: {}, flags: ["--no-maglev"] },
    { version: "v25.0.0", env: {}, flags: ["--no-maglev"] },
    { version: "v24.11.1", env: { BACKPROP_SANDBOX_MAGLEV: "1" }, flags: [] },
    { version: "weird", env: {}, flags: [] },
  ])("is off on Node $version unless asked ($env)", ({ version, env, flags }) => {
    expect(maglevFlags(version, env)).toEqual(flags);
  });
});
