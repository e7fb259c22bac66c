/**
 * NODE_EXTRA_CA_CERTS set aside for a test run (registry-env.ts): gone from the run's environment, given back to the
 * commands that may reach the registry, and restored at the end.
 */
import { describe, expect, it } from "vitest";
import { registryEnv, setAsideExtraCaCerts } from "./registry-env.ts";

const CA = "/etc/ssl/certs/ca-certificates.crt";

describe("NODE_EXTRA_CA_CERTS, set aside", () => {
  it("leaves the run without it, gives it to npm's fetches, and is restored by the undo", () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: CA, PATH: "/bin" };
    const undo = setAsideExtraCaCerts(env);
    expect(env.NODE_EXTRA_CA_CERTS).toBeUndefined();
    expect(registryEnv(env)).toEqual({ NODE_EXTRA_CA_CERTS: CA });
    undo();
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: CA, PATH: "/bin" });
  });

  it.each([
    ["never set", {}, {}],
    [
      "set and not set aside (a file run on its own, without the global setup)",
      { NODE_EXTRA_CA_CERTS: CA },
      { NODE_EXTRA_CA_CERTS: CA },
    ],
  ])("when %s, registryEnv gives what there is", (_, env: NodeJS.ProcessEnv, expected) => {
    expect(registryEnv(env)).toEqual(expected);
  });

  it("moves nothing and undoes nothing in a child run that inherits it set aside", () => {
    const parent: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: CA };
    setAsideExtraCaCerts(parent);
    const child = { ...parent };
    const undo = setAsideExtraCaCerts(child);
    expect(registryEnv(child)).toEqual({ NODE_EXTRA_CA_CERTS: CA });
    undo();
    expect(child).toEqual(parent);
    expect(child.NODE_EXTRA_CA_CERTS).toBeUndefined();
  });
});
