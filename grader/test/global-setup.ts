/**
 * Sets up what the tests need, once per run, so that `npm ci && npm test` passes on a fresh machine:
 * - Dolos for the similarity tests (`npm run similarity:install`: cached per user, a second when already built);
 * - a Chromium for the browser tests (find-chromium.ts), passed on as BACKPROP_CHROMIUM;
 * - the CLI bundle (cli-bundle.ts), passed on as BACKPROP_TEST_CLI_BUNDLE and removed at the end;
 * - under `vitest --mode slow-host` (npm run test:slow-host), the slow-host wrapper (slow-host.ts), passed on as
 *   BACKPROP_TEST_SANDBOX_WRAPPER, so every sandbox of every file runs on a host where its CPU time counts double;
 * - NODE_EXTRA_CA_CERTS set aside once Dolos and the browser are in place (registry-env.ts): on Node 20 it costs
 *   every Node process the run starts 45 ms of CPU, and only npm's fetches need it.
 * Test workers and the processes they start inherit these variables. `vitest --mode fast` (npm run test:fast)
 * runs no browser test, so it looks for no browser; nor does the child vitest that node-versions runs under
 * another Node, which takes the parent's bundle and needs neither Dolos nor a browser.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { paths } from "../paths.ts";
import { BUNDLE_ENV, buildCliBundle } from "./cli-bundle.ts";
import { findChromium } from "./find-chromium.ts";
import { setAsideExtraCaCerts } from "./registry-env.ts";
import { cacheDir } from "./pinned-node.ts";
import { slowHostWrapper } from "./slow-host.ts";

/** Set in node-versions' child vitest. */
const CHILD = "BACKPROP_KIT_NODE_VERSIONS_CHILD";
/** The vitest mode that runs every sandbox through the slow-host wrapper. */
export const SLOW_HOST_MODE = "slow-host";
const WRAPPER_ENV = "BACKPROP_TEST_SANDBOX_WRAPPER";

function installDolos(): void {
  // Its output goes straight through: a first build takes minutes, and says so as it starts.
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(paths.root, "grader", "similarity", "install.ts")],
    { cwd: paths.root, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (run.status !== 0) throw new Error("npm run similarity:install failed: its output is above");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const child = process.env[CHILD] === "1";
  if (!child) installDolos();
  if (!child && project.vite.config.mode !== "fast") {
    const found = await findChromium();
    process.env.BACKPROP_CHROMIUM = found.path;
    process.stdout.write(`Browser tests use ${found.how} Chromium: ${found.path}\n`);
  }
  const restoreCaCerts = setAsideExtraCaCerts();
  let owned: string | undefined;
  if (!process.env[BUNDLE_ENV]) {
    await mkdir(cacheDir(), { recursive: true });
    owned = await mkdtemp(path.join(cacheDir(), "cli-bundle-"));
    await buildCliBundle(owned);
    process.env[BUNDLE_ENV] = owned;
  }
  // A wrapper given from outside (or by a parent vitest) is kept: the child under another Node shares the parent's.
  let slowHost: string | undefined;
  if (project.vite.config.mode === SLOW_HOST_MODE && !process.env[WRAPPER_ENV]) {
    slowHost = await mkdtemp(path.join(os.tmpdir(), "bpk-slow-host-"));
    process.env[WRAPPER_ENV] = await slowHostWrapper(slowHost);
    process.stdout.write(`Every sandbox runs on a slow host: ${process.env[WRAPPER_ENV]}\n`);
  }
  return async () => {
    restoreCaCerts();
    if (owned) await rm(owned, { recursive: true, force: true });
    if (slowHost) await rm(slowHost, { recursive: true, force: true });
  };
}
