/**
 * Finds a Chromium for the browser tests and the bench, so that `npm ci && npm test` passes on a machine that has
 * none installed. In order:
 *   1. BACKPROP_CHROMIUM, when set (a path that does not exist is an error, not a silent fallback);
 *   2. the system's Chromium or Chrome, unless BACKPROP_TEST_NO_SYSTEM_BROWSER=1 (how the fallbacks are tested here);
 *   3. the build that the `@sparticuz/chromium` devDependency ships inside its package, inflated once into the
 *      cache folder (the registry is the only network CI has, and a package's own binary needs no download);
 *   4. Debian's `chromium`, through apt-get, when running as root;
 *   5. otherwise an error saying what to do.
 * Each candidate must answer `--version` before it is taken, so a binary that cannot start on this machine (a
 * missing shared library) falls through to the next one instead of failing every browser test.
 *
 * `npx tsx grader/test/find-chromium.ts` prints the one found and how.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { paths } from "../paths.ts";
import { cacheDir } from "./pinned-node.ts";

const run = promisify(execFile);

export interface FoundChromium {
  path: string;
  /** Where it came from, for the one line the test run prints. */
  how: string;
}

const SYSTEM = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
];

/** The version line, or undefined when the binary does not start here. */
async function versionOf(exe: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(exe, ["--version"], { timeout: 30_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The package's build, inflated into the cache on first use; undefined when the package is not installed. */
async function packagedChromium(): Promise<string | undefined> {
  // Its exports map hides package.json from require.resolve.
  const manifest = path.join(paths.root, "node_modules", "@sparticuz", "chromium", "package.json");
  if (!existsSync(manifest)) return undefined;
  const { version } = JSON.parse(await readFile(manifest, "utf8")) as { version: string };
  const final = path.join(cacheDir(), `sparticuz-chromium-${version}`);
  if (existsSync(path.join(final, "chromium"))) return path.join(final, "chromium");
  await mkdir(cacheDir(), { recursive: true });
  // The package inflates into os.tmpdir() and reuses whatever /tmp/chromium it finds there, half-written by a
  // concurrent run or not; a private folder, renamed into place when complete, is never seen half-made.
  const work = await mkdtemp(path.join(cacheDir(), ".inflate-chromium-"));
  const saved = process.env.TMPDIR;
  try {
    process.env.TMPDIR = work;
    const { default: Chromium } = (await import("@sparticuz/chromium")) as {
      default: { executablePath(): Promise<string> };
    };
    await Chromium.executablePath();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  await rename(work, final).catch(async (error: NodeJS.ErrnoException) => {
    await rm(work, { recursive: true, force: true });
    if (!existsSync(path.join(final, "chromium"))) throw error;
  });
  return path.join(final, "chromium");
}

async function aptChromium(): Promise<string | undefined> {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return undefined;
  try {
    await run("apt-get", ["update", "-qq"], { timeout: 600_000 });
    await run("apt-get", ["install", "-y", "-qq", "chromium"], {
      timeout: 900_000,
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch {
    return undefined;
  }
  return "/usr/bin/chromium";
}

/** A Chromium that starts on this machine, or an Error whose message says what to do. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const given = env.BACKPROP_CHROMIUM;
  if (given) {
    // Taken as it is (the test run's global setup sets it to the one it found); a launch error names it.
    if (existsSync(given)) return { path: given, how: "BACKPROP_CHROMIUM" };
    throw new Error(`BACKPROP_CHROMIUM=${given} does not exist`);
  }
  const tried: string[] = [];
  if (env.BACKPROP_TEST_NO_SYSTEM_BROWSER !== "1") {
    for (const exe of SYSTEM) {
      if (!existsSync(exe)) continue;
      if (await versionOf(exe)) return { path: exe, how: "the system's" };
      tried.push(`${exe} does not start`);
    }
  }
  const packaged = await packagedChromium().catch((error: Error) => {
    tried.push(`@sparticuz/chromium could not be unpacked: ${error.message}`);
    return undefined;
  });
  if (packaged) {
    if (await versionOf(packaged)) return { path: packaged, how: "@sparticuz/chromium's" };
    tried.push(`${packaged} (from @sparticuz/chromium) does not start`);
  }
  const apt = await aptChromium();
  if (apt && (await versionOf(apt))) return { path: apt, how: "Debian's, installed by apt-get" };
  throw new Error(
    `No Chromium for the browser tests${tried.length ? ` (${tried.join("; ")})` : ""}. ` +
      `Install one (Debian: apt-get install -y chromium) or set BACKPROP_CHROMIUM to a Chromium or Chrome binary.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = await findChromium();
  process.stdout.write(`${found.path} (${found.how})\n`);
}
