/**
 * The autograder's setup.sh on an image whose Node is too old (Gradescope's
 * default Ubuntu 22.04 packages Node 12), run against temporary folders only:
 * a fake Node 12 first on PATH, package managers that refuse to run, a stand-in
 * for nodejs.org on 127.0.0.1, and the install prefix and /autograder moved into
 * a temporary root. It must refuse a tarball whose checksum does not match,
 * install a matching one, and then grade with it; install curl with the
 * image's apt-get, dnf or yum when the image has none; stop before downloading
 * on a glibc too old for the official builds; and leave an image whose Node is
 * recent enough as it is.
 */
import { execFile } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../paths.ts";
import { buildAutograderZip } from "../reports/autograder-zip.ts";
import { GradescopeResultsSchema } from "../reports/gradescope-schema.ts";
import { officialLayoutTarball, serveTarball, unzip, type Mirror, type NodeTarball } from "./gradescope-helpers.ts";
import { registryEnv } from "./registry-env.ts";

const run = promisify(execFile);
const canRun = process.platform === "linux" && process.arch === "x64";

let tmp: string;
let zipFile: string;
let tarball: NodeTarball;
let mirror: Mirror;
/** A `node` that is Node 12, as Ubuntu 22.04's nodejs package is. */
let oldNode: string;
/** apt-get, dnf and yum that fail: the machine running the test has every tool setup.sh needs. */
let noPackages: string;

async function script(dir: string, name: string, body: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), `#!/bin/sh\n${body}\n`);
  await chmod(path.join(dir, name), 0o755);
}

beforeAll(async () => {
  if (!canRun) return;
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-gradescope-setup-"));
  zipFile = path.join(tmp, "autograder.zip");
  [tarball] = await Promise.all([officialLayoutTarball(), buildAutograderZip(zipFile)]);
  mirror = await serveTarball(tarball);
  oldNode = path.join(tmp, "old-node");
  await script(oldNode, "node", `[ "$1" = --version ] && echo v12.22.9 && exit 0\nexit 1`);
  noPackages = path.join(tmp, "no-packages");
  for (const pm of ["apt-get", "dnf", "yum"]) {
    await script(noPackages, pm, `echo "test: setup.sh must not run ${pm} here" >&2\nexit 99`);
  }
}, 600_000);
afterAll(async () => {
  await mirror?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Image {
  root: string;
  prefix: string;
  env: NodeJS.ProcessEnv;
}

/** A fresh /autograder (the zip in source/) and install prefix, and the environment setup.sh runs in. */
async function image(name: string, pathDirs: string[], extra: Record<string, string>): Promise<Image> {
  const root = path.join(tmp, name, "autograder");
  const prefix = path.join(tmp, name, "usr", "local", "lib", "backprop-kit-node");
  await unzip(zipFile, path.join(root, "source"));
  // npm test's own npm_* variables would steer the npm that setup.sh runs.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|VITEST|NODE_OPTIONS$)/i.test(key)),
  );
  Object.assign(env, {
    PATH: [...pathDirs, "/usr/sbin", "/usr/bin", "/sbin", "/bin"].join(path.delimiter),
    AUTOGRADER_ROOT: root,
    BACKPROP_NODE_URL: mirror.url,
    BACKPROP_NODE_PREFIX: prefix,
    // The registry is the only network here; what the cache holds is used first.
    npm_config_prefer_offline: "true",
    ...registryEnv(),
    ...extra,
  });
  return { root, prefix, env };
}

async function setup(img: Image): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(img.root, "source", "setup.sh");
  const bash = (await run("sh", ["-c", "command -v bash"])).stdout.trim();
  return run(bash, [file], { cwd: path.join(img.root, "source"), env: img.env, maxBuffer: 2 ** 24 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === "number" ? error.code : -1,
      stdout: error.stdout ?? "",
      stderr: error.stderr ?? "",
    }));
}

describe.runIf(canRun)("setup.sh on an image whose Node is 12", () => {
  it("refuses a tarball whose SHA-256 is not the pinned one, and installs nothing", async () => {
    // The rebuilt tarball is not byte-for-byte nodejs.org's, so the pinned checksum cannot match.
    const img = await image("mismatch", [oldNode, noPackages], {});
    const result = await setup(img);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`the SHA-256 of ${mirror.url} is ${tarball.sha256}, not the expected`);
    expect(result.stderr).toContain("refusing to install it");
    expect(result.stderr).toContain("Nothing was installed.");
    expect(existsSync(img.prefix)).toBe(false);
    expect(existsSync(path.join(img.root, "source", "node_modules"))).toBe(false);
    expect(existsSync(path.join(img.root, "source", ".node-bin"))).toBe(false);
  });

  it("installs the matching tarball, and run_autograder grades the reference solutions with it, full marks", async () => {
    const img = await image("match", [oldNode, noPackages], { BACKPROP_NODE_SHA256: tarball.sha256 });
    const result = await setup(img);
    expect(result.stderr.match(/setup\.sh: .*/g) ?? []).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("this image's Node is v12.22.9; the kit needs 20.12 or later");
    expect(result.stdout).toContain(`installed Node ${tarball.version} in ${img.prefix}`);
    const node = path.join(img.prefix, "bin", "node");
    expect((await run(node, ["--version"])).stdout.trim()).toBe(`v${tarball.version}`);
    expect((await readFile(path.join(img.root, "source", ".node-bin"), "utf8")).trim()).toBe(path.dirname(node));
    expect(existsSync(path.join(img.root, "source", "node_modules", ".bin", "tsx"))).toBe(true);
    // Grading needs no dev tools.
    expect(existsSync(path.join(img.root, "source", "node_modules", "vitest"))).toBe(false);
    // The CLIs are built into the image, so that no submission compiles the grader.
    expect(result.stdout).toContain("The CLIs are built: node_modules/.cache/backprop-kit/cli/");

    // Node 12 stays first on PATH: run_autograder must take the installed Node itself.
    await cp(paths.solutions, path.join(img.root, "submission", "exercises"), { recursive: true });
    await mkdir(path.join(img.root, "results"), { recursive: true });
    await run("bash", [path.join(img.root, "source", "run_autograder")], { cwd: img.root, env: img.env });
    const results = GradescopeResultsSchema.parse(
      JSON.parse(await readFile(path.join(img.root, "results", "results.json"), "utf8")),
    );
    const max = results.tests!.reduce((s, t) => s + (t.max_score ?? 0), 0);
    expect(max).toBeGreaterThan(0);
    expect(results.tests!.filter((t) => t.status !== "passed").map((t) => t.name)).toEqual([]);
    expect(results.score).toBe(max);
  });
});

/** The commands setup.sh needs before it downloads, but not curl or wget. */
const BASE_TOOLS = ["uname", "getconf", "awk", "sed", "tar", "gzip", "sha256sum", "mktemp", "rm", "cat", "ln"];

describe.runIf(canRun)("setup.sh on an image without curl or wget", () => {
  it.each([
    { pm: "apt-get", calls: ["apt-get update", "apt-get install -y --no-install-recommends curl ca-certificates"] },
    { pm: "dnf", calls: ["dnf install -y curl ca-certificates"] },
    { pm: "yum", calls: ["yum install -y curl ca-certificates"] },
  ])("installs curl with $pm, then downloads", async ({ pm, calls }) => {
    const tools = path.join(tmp, `tools-${pm}`);
    await mkdir(tools, { recursive: true });
    for (const tool of BASE_TOOLS) {
      const { stdout } = await run("sh", ["-c", `command -v ${tool}`]);
      await symlink(stdout.trim(), path.join(tools, tool));
    }
    const log = path.join(tmp, `${pm}.log`);
    // The fake package manager logs its arguments; "installing" puts the real curl on PATH.
    const curl = (await run("sh", ["-c", "command -v curl"])).stdout.trim();
    await script(
      tools,
      pm,
      `echo "${pm} $*" >> "${log}"
case "$*" in *install*) ln -sf "${curl}" "${tools}/curl" ;; esac`,
    );
    const img = await image(`tools-${pm}`, [oldNode, tools], {});
    img.env.PATH = [oldNode, tools].join(path.delimiter);
    const result = await setup(img);
    expect((await readFile(log, "utf8")).trim().split("\n")).toEqual(calls);
    // It got as far as checking the download: the pinned checksum refuses the rebuilt tarball.
    expect(result.stderr).toContain("refusing to install it");
    expect(result.code).not.toBe(0);
  });
});

describe.runIf(canRun)("setup.sh on an image the official builds do not support", () => {
  it("stops on glibc 2.27 (Ubuntu 18.04) with a clear message, downloading nothing", async () => {
    const before = mirror.requests.length;
    const glibc = path.join(tmp, "glibc-2.27");
    await script(glibc, "getconf", `[ "$1" = GNU_LIBC_VERSION ] && echo "glibc 2.27"`);
    const img = await image("ubuntu-18.04", [oldNode, glibc, noPackages], {});
    const result = await setup(img);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`this image has glibc 2.27; Node ${tarball.version} needs 2.28 or later`);
    expect(mirror.requests.length).toBe(before);
    expect(existsSync(img.prefix)).toBe(false);
  });
});

describe.runIf(canRun)("setup.sh on an image whose Node is recent enough", () => {
  it("uses it and downloads nothing", async () => {
    const before = mirror.requests.length;
    const img = await image("recent", [path.dirname(process.execPath), noPackages], {});
    const result = await setup(img);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`using this image's Node ${process.version}`);
    expect(mirror.requests.length).toBe(before);
    expect(existsSync(img.prefix)).toBe(false);
    expect((await readFile(path.join(img.root, "source", ".node-bin"), "utf8")).trim()).toBe(
      path.dirname(process.execPath),
    );
    expect(existsSync(path.join(img.root, "source", "node_modules", ".bin", "tsx"))).toBe(true);
  });
});
