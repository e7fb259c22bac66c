/**
 * The similarity pass's cost for `npm run bench`: `npm run similarity` on the
 * benchmark's class of 200 (mostly exact copies of the reference solution
 * and its catalogued mistakes, which are compared once each), and on 200
 * submissions that are all different (the calibration's independent students,
 * each disguised its own way, so every file is distinct and many pairs share
 * most of their code: harder than a real class).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadManifest } from "../grader/manifest.ts";
import { paths } from "../grader/paths.ts";
import { installed, INSTALL_COMMAND } from "../grader/similarity/dolos.ts";
import { addDeadCode, DISGUISES } from "../grader/test/similarity-disguise.ts";
import { measure } from "./measure.ts";
import { independentStudents } from "./similarity-calibration.ts";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** n submissions, all different: student k mod 9, disguise by bits of k, and k's own dead code. */
async function distinctClass(dir: string, n: number): Promise<void> {
  const manifest = loadManifest();
  const students = [...independentStudents(manifest).values()];
  for (let k = 0; k < n; k++) {
    const files = students[k % students.length];
    for (const e of manifest.exercises) {
      let text = files.get(e.id);
      if (text !== undefined) {
        DISGUISES.slice(0, 4).forEach(([, disguise], bit) => {
          if ((k >> bit) & 1) text = disguise(text!);
        });
        text = `${addDeadCode(text)}\n// submission ${k}\n`;
      }
      const target = path.join(dir, `d${String(k).padStart(4, "0")}`, "exercises", e.id, e.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text ?? "");
    }
  }
}

/** Rows for the bench's table: the similarity pass on `copies` (a class folder) and on a distinct class of the same size. */
export async function similarityRows(
  copies: string,
  n: number,
  tmp: string,
  gradeSeconds: number,
): Promise<[string, string, string][]> {
  if (!installed()) return [[`similarity, N = ${n}`, `not measured: Dolos is not installed (${INSTALL_COMMAND})`, ""]];
  const distinct = path.join(tmp, `distinct-${n}`);
  await distinctClass(distinct, n);
  const rows: [string, string, string][] = [];
  for (const [label, dir] of [
    ["the benchmark's class", copies],
    ["all different", distinct],
  ]) {
    const run = await measure(npm, ["run", "-s", "similarity", "--", dir, "--out", path.join(tmp, `sim-${label}`)], {
      cwd: paths.root,
    });
    // The minutes of figures measured before this row are worth more than the row: say why it is missing, above all
    // the usual cause, a Dolos built for another Node (its own message, printed above, names the fix).
    if (run.code !== 0)
      return [
        [`similarity, N = ${n}`, `not measured: npm run similarity exited ${run.code} (its message is above)`, ""],
      ];
    const s = run.ms / 1000;
    rows.push([
      `similarity, N = ${n}, ${label}`,
      `${s.toFixed(1)} s (${((100 * s) / gradeSeconds).toFixed(0)}% of grading them), peak ${run.treeMiB.toFixed(0)} MiB`,
      "",
    ]);
  }
  return rows;
}
