/**
 * Builders for corpus submissions that are not a patched copy of the reference
 * solutions: FIFOs, hard links, devices, oversized zips and folders, clashing
 * and hidden names. Each writes into the class folder under the attack's name.
 */
import { execFileSync } from "node:child_process";
import { cp, link, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import yazl from "yazl";
import { paths } from "../paths.ts";
import type { Attack } from "./corpus.ts";

export interface BuildContext {
  classDir: string;
  name: string;
}

export function zip(entries: { name: string; data: string | Buffer; mode?: number }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) z.addBuffer(Buffer.from(e.data), e.name, e.mode ? { mode: e.mode } : {});
  z.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    z.outputStream.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** A copy of the reference solutions as a submission folder. */
export async function solutionsAt(dir: string): Promise<void> {
  await cp(paths.solutions, path.join(dir, "exercises"), { recursive: true });
}

async function solutionsZip(): Promise<Buffer> {
  const entries: { name: string; data: Buffer }[] = [];
  for (const rel of (await readdir(paths.solutions, { recursive: true })) as string[]) {
    if (!rel.endsWith(".ts")) continue;
    entries.push({
      name: `exercises/${rel.split(path.sep).join("/")}`,
      data: await readFile(path.join(paths.solutions, rel)),
    });
  }
  return zip(entries);
}

export async function makeFifoZip({ classDir, name }: BuildContext): Promise<void> {
  execFileSync("mkfifo", [path.join(classDir, `${name}.zip`)]);
}

export async function makeFifoInside({ classDir, name }: BuildContext): Promise<void> {
  const dir = path.join(classDir, name);
  await solutionsAt(dir);
  const file = path.join(dir, "exercises/01-linear-algebra/linalg.ts");
  await rm(file);
  execFileSync("mkfifo", [file]);
}

/** /dev/null's device numbers (1, 3) under an exercise file's name; needs root. */
export async function makeCharDevice({ classDir, name }: BuildContext): Promise<void> {
  const dir = path.join(classDir, name);
  await solutionsAt(dir);
  const file = path.join(dir, "exercises/01-linear-algebra/linalg.ts");
  await rm(file);
  execFileSync("mknod", [file, "c", "1", "3"]);
}

/** An exercise file that is another name of the kit's own solution (or, across file systems, of a copy). */
export async function makeHardLink({ classDir, name }: BuildContext): Promise<void> {
  const dir = path.join(classDir, name);
  await solutionsAt(dir);
  const file = path.join(dir, "exercises/05-delta/delta.ts");
  await rm(file);
  const target = path.join(paths.solutions, "05-delta/delta.ts");
  await link(target, file).catch(async () => {
    const copy = path.join(classDir, "..", "kit-file.ts");
    await cp(target, copy);
    await link(copy, file);
  });
}

/** Hundreds of 1 MiB entries that compress to almost nothing: each within the per-file limit. */
export async function makeBigZip({ classDir, name }: BuildContext): Promise<void> {
  const mib = Buffer.alloc(2 ** 20, 0x20);
  const entries = Array.from({ length: 200 }, (_, i) => ({ name: `exercises/01-linear-algebra/f${i}.ts`, data: mib }));
  await writeFile(path.join(classDir, `${name}.zip`), await zip(entries));
}

export async function makeBigFolder({ classDir, name }: BuildContext): Promise<void> {
  const dir = path.join(classDir, name);
  await solutionsAt(dir);
  const mib = Buffer.alloc(2 ** 20, 0x20);
  for (let i = 0; i < 12; i++) await writeFile(path.join(dir, `exercises/01-linear-algebra/f${i}.ts`), mib);
}

/** coll, coll-2 and coll.zip (whose id is also coll), and Case and case, which clash where case is ignored. */
export async function makeCollision({ classDir }: BuildContext): Promise<void> {
  for (const folder of ["coll", "coll-2", "Case", "case"]) await solutionsAt(path.join(classDir, folder));
  await writeFile(path.join(classDir, "coll.zip"), await solutionsZip());
}

export async function makeDotFolder({ classDir, name }: BuildContext): Promise<void> {
  await mkdir(classDir, { recursive: true });
  await solutionsAt(path.join(classDir, `.${name}`));
}

/** A folder whose name holds terminal escapes; its id is made safe ("esc_31mred_0_title_"). */
export async function makeEscapedName({ classDir }: BuildContext): Promise<void> {
  await solutionsAt(path.join(classDir, "esc\u001b[31mred\u001b]0;title\u0007"));
}

/** yazl refuses unsafe names, as it should; write a safe one of the same length, then swap the bytes. */
async function zipWithName(unsafe: string): Promise<Buffer> {
  const placeholder = "x".repeat(unsafe.length - "evil.ts".length) + "evil.ts";
  const buffer = await zip([
    { name: "exercises/01-linear-algebra/linalg.ts", data: "export {};" },
    { name: placeholder, data: "export {};" },
  ]);
  return Buffer.from(buffer.toString("latin1").split(placeholder).join(unsafe), "latin1");
}

/** Builds one attack's submission (or submissions) in the class folder. */
export async function buildAttack(attack: Attack, classDir: string, out: string): Promise<void> {
  const dir = path.join(classDir, attack.name);
  if (attack.make) return attack.make({ classDir, name: attack.name });
  switch (attack.build) {
    case "symlink":
      await solutionsAt(dir);
      await rm(path.join(dir, "exercises/05-delta/delta.ts"));
      await symlink(path.join(paths.solutions, "05-delta/delta.ts"), path.join(dir, "exercises/05-delta/delta.ts"));
      return;
    case "zip-slip":
      return writeFile(`${dir}.zip`, await zipWithName("../evil.ts"));
    case "zip-absolute":
      return writeFile(`${dir}.zip`, await zipWithName("/tmp/evil.ts"));
    case "zip-symlink":
      return writeFile(
        `${dir}.zip`,
        await zip([{ name: "exercises/05-delta/delta.ts", data: "../../solutions/05-delta/delta.ts", mode: 0o120777 }]),
      );
  }
  await solutionsAt(dir);
  const file = path.join(dir, "exercises", attack.file!);
  const source = await readFile(file, "utf8");
  await writeFile(file, attack.patch!(source, { solutions: paths.solutions, fixtures: paths.fixtures, out }));
}

/** Whether this machine can run the attack: some need a wall (prlimit) or root (mknod). */
export function runnable(attack: Attack, isolation?: string): boolean {
  if (attack.requires === "root") return process.getuid?.() === 0;
  if (attack.requires === "prlimit" && isolation !== undefined) return isolation.includes("prlimit");
  return true;
}
