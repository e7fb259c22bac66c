/** Internal. Which exercise a student means by `npm run check -- <what>`. */
import { InvalidArgumentError } from "commander";
import type { Exercise, Manifest } from "../manifest.ts";

/**
 * One exercise from what a student types: its number (5, 05), its id (05-delta), its topic or file name (delta,
 * delta.ts, exercises/05-delta/delta.ts), or a unique prefix of any of those (del).
 */
export function resolveExercise(manifest: Manifest, wanted: string): string {
  const w = wanted.trim().toLowerCase().replace(/\\/g, "/").replace(/\/+$/, "");
  const last = w.split("/").pop() ?? "";
  const names = (e: Exercise) => [e.id, e.id.slice(3), e.file, e.file.replace(/\.ts$/, "")];
  const exact = manifest.exercises.filter(
    (e) =>
      (/^\d{1,2}$/.test(w) && e.id.startsWith(`${w.padStart(2, "0")}-`)) ||
      names(e).includes(w) ||
      names(e).includes(last) ||
      w.split("/").includes(e.id),
  );
  const match =
    exact.length > 0 || /^\d+$/.test(w) || w === ""
      ? exact
      : manifest.exercises.filter((e) => names(e).some((n) => n.startsWith(w)));
  if (match.length === 1) return match[0].id;
  const all = manifest.exercises.map((e) => e.id).join(", ");
  throw new InvalidArgumentError(
    match.length > 1
      ? `"${wanted}" could be ${match.map((e) => e.id).join(" or ")}; type more of it`
      : `"${wanted}" is not an exercise; try a number, a name or a file: ${all}`,
  );
}
