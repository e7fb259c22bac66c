/**
 * Internal. Takes a submission's exercise files from a .zip, without
 * extracting anything to disk, from exercises/ or else loose exercise files
 * (loose.ts). Entries with absolute paths or `..`, symlink
 * entries and oversized exercise files make the whole submission refused.
 */
import { close, constants, fstat, open } from "node:fs";
import { promisify } from "node:util";
import yauzl from "yauzl";
import { isMacDebris } from "./mac-debris.ts";
import { courseTypes, looseNames, looseTarget, noteOf, placeLoose } from "./loose.ts";
import { fileProblem, hashFiles, MAX_FILES, MAX_TOTAL_BYTES, totalProblem, type Collected } from "./source.ts";

const MAX_ENTRIES = 20_000;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

class Refusal extends Error {}

/** Opens only a regular file, checked on the descriptor: a FIFO named x.zip must not block the batch. */
async function openZip(file: string): Promise<yauzl.ZipFile> {
  // A raw descriptor, which yauzl closes itself (autoClose) once the zip is read.
  const fd = await promisify(open)(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const stat = await promisify(fstat)(fd).catch(() => undefined);
  if (!stat?.isFile()) {
    close(fd, () => {});
    throw new Error("it is not a regular file (a FIFO, device or socket)");
  }
  return new Promise((resolve, reject) => {
    yauzl.fromFd(
      fd,
      { lazyEntries: true, autoClose: true, decodeStrings: true, validateEntrySizes: true },
      (err, zip) => {
        if (err) close(fd, () => {});
        return err ? reject(err) : resolve(zip!);
      },
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err);
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** "exercises/…" or "<one folder>/exercises/…" → the part after exercises/. */
function exercisePath(name: string): { prefix: string; rest: string } | undefined {
  const parts = name.split("/");
  for (const depth of [0, 1]) {
    if (parts[depth] === "exercises" && parts.length > depth + 1) {
      return { prefix: parts.slice(0, depth + 1).join("/"), rest: parts.slice(depth + 1).join("/") };
    }
  }
  return undefined;
}

export async function collectZip(file: string, id: string): Promise<Collected> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    return { id, source: file, reason: `not a readable zip file: ${(error as Error).message}` };
  }
  const byPrefix = new Map<string, Map<string, Buffer>>();
  // Exercise files outside any exercises/ folder, taken only when there is none (loose.ts).
  const loose = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      let count = 0;
      let declared = 0;
      zip.on("error", (error: Error) => reject(new Refusal(`unsafe or damaged zip: ${error.message}`)));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        void (async () => {
          if (++count > MAX_ENTRIES) throw new Refusal(`more than ${MAX_ENTRIES} entries`);
          const name = entry.fileName;
          // __MACOSX/…, ._x.ts and .DS_Store, skipped as unzip tools skip them (mac-debris.ts).
          if (isMacDebris(name)) {
            zip.readEntry();
            return;
          }
          if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
            throw new Refusal(`zip entry "${name}" is a symlink; submissions may not contain symlinks`);
          }
          const where = exercisePath(name);
          if (!where && looseTarget(name) !== undefined) {
            const problem = fileProblem(name, entry.uncompressedSize);
            if (problem) throw new Refusal(problem);
            const contents = await readEntry(zip, entry);
            const late = fileProblem(name, contents.length, contents);
            if (late) throw new Refusal(late);
            loose.set(name, contents);
          } else if (where && name.endsWith(".ts")) {
            const problem = fileProblem(name, entry.uncompressedSize);
            if (problem) throw new Refusal(problem);
            // The sizes the zip declares are checked before inflating anything (yauzl holds
            // each entry to its declared size), so refusing a zip bomb costs no memory.
            declared += entry.uncompressedSize;
            if (declared > MAX_TOTAL_BYTES)
              throw new Refusal("the exercise files total more than 8 MiB; at most 8 MiB is taken");
            const contents = await readEntry(zip, entry);
            const late = fileProblem(name, contents.length, contents);
            if (late) throw new Refusal(late);
            const files = byPrefix.get(where.prefix) ?? new Map<string, Buffer>();
            files.set(where.rest, contents);
            byPrefix.set(where.prefix, files);
            if (files.size > MAX_FILES) throw new Refusal(`more than ${MAX_FILES} .ts files under ${where.prefix}/`);
          }
          zip.readEntry();
        })().catch((error: unknown) => {
          zip.close();
          reject(error);
        });
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof Refusal) return { id, source: file, reason: error.message };
    return { id, source: file, reason: `could not read the zip: ${(error as Error).message}` };
  }
  const prefixes = [...byPrefix.keys()];
  if (prefixes.length === 0) {
    const placed = placeLoose(loose, courseTypes);
    if (placed)
      return { id, source: file, files: placed.files, hash: hashFiles(placed.files), ...noteOf(placed.notes) };
    return {
      id,
      source: file,
      reason: `no exercises/*.ts files and no exercise files (${looseNames()}), at the top or one folder down`,
    };
  }
  // exercises/ at the top wins over a nested copy, as for folders.
  const chosen = prefixes.includes("exercises") ? "exercises" : prefixes.length === 1 ? prefixes[0] : undefined;
  if (!chosen) return { id, source: file, reason: `found exercises/ in more than one folder: ${prefixes.join(", ")}` };
  const files = byPrefix.get(chosen)!;
  const tooMuch = totalProblem(files);
  if (tooMuch) return { id, source: file, reason: tooMuch };
  return { id, source: file, files, hash: hashFiles(files) };
}
