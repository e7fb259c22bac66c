/**
 * Internal. The folders that course platforms' bulk downloads unpack to, read as one submission per student:
 *
 * - Canvas "Download Submissions": one flat folder of files renamed `<name>[_LATE]_<user id>_<submission id>_<file>`
 *   (a resubmitted file gains `-1`, `-2`: delta-1.ts), grouped by user id. A student's upload of a .zip is their
 *   submission; loose exercise files are read as loose files are.
 * - Gradescope's "Export Submissions": `submission_metadata.yml` beside one `submission_<n>/` folder per submission,
 *   named by the submitter's student id (or e-mail) from the metadata.
 * - GitHub Classroom's assistant or `gh classroom clone`: `<assignment>-submissions/<assignment>-<user>/`, one
 *   repository per student, named by the GitHub user.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { safeId } from "./source.ts";

/** A submission as the class folder lists it; `files` when a download spread it over a flat folder. */
export interface Listed {
  id: string;
  source: string;
  /** The student's files by the names they uploaded them under → full path (Canvas). */
  files?: Map<string, string>;
  note?: string;
}

/** Canvas's renamed file: the student's sortable name, LATE, user id, submission id, then the file's own name. */
const CANVAS = /^([^_]+)(_late)?_(\d+)_(\d+)_(.+)$/i;

/** Canvas's flat folder, grouped by user id; undefined when `dir` is not one. */
export async function canvasLayout(dir: string): Promise<Listed[] | undefined> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith("."));
  const named = files.map((e) => ({ entry: e, m: CANVAS.exec(e.name) }));
  // Every file renamed the Canvas way, and no sub-folder that could be a submission of its own.
  const folders = entries.filter((e) => e.isDirectory() && e.name !== "__MACOSX" && !e.name.startsWith("."));
  if (named.length === 0 || named.some((n) => n.m === null) || folders.length > 0) return undefined;
  const byUser = new Map<string, { name: string; late: boolean; files: Map<string, string> }>();
  for (const { entry, m } of named) {
    const [, name, late, user, , original] = m!;
    const student = byUser.get(user) ?? { name: name.toLowerCase(), late: false, files: new Map() };
    student.late ||= late !== undefined;
    student.files.set(original, path.join(dir, entry.name));
    byUser.set(user, student);
  }
  return [...byUser].map(([user, s]) => {
    const id = safeId(`${s.name}_${user}`);
    const zips = [...s.files.keys()].filter((f) => f.toLowerCase().endsWith(".zip"));
    const note = `from Canvas (user ${user}${s.late ? ", submitted late" : ""})`;
    if (zips.length === 1) {
      const others = s.files.size - 1;
      const extra = others > 0 ? `; ${others} other ${others === 1 ? "file" : "files"} beside the zip left out` : "";
      return { id, source: s.files.get(zips[0])!, note: note + extra };
    }
    return { id, source: dir, files: s.files, note };
  });
}

/** `:sid`, `:email`, `:name` of each submitter, as Gradescope's export writes them (Ruby symbols as keys). */
function submitters(entry: unknown): { sid?: string; email?: string; name?: string }[] {
  const list = (entry as Record<string, unknown> | null)?.[":submitters"];
  if (!Array.isArray(list)) return [];
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
  return list.map((s: Record<string, unknown>) => ({
    sid: str(s?.[":sid"]),
    email: str(s?.[":email"]),
    name: str(s?.[":name"]),
  }));
}

/** Gradescope's export, one submission per `submission_<n>/`; undefined when `dir` has no metadata file. */
export async function gradescopeLayout(dir: string): Promise<Listed[] | undefined> {
  const text = await readFile(path.join(dir, "submission_metadata.yml"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let metadata: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(text, { maxAliasCount: 100 });
    if (parsed && typeof parsed === "object") metadata = parsed as Record<string, unknown>;
  } catch {
    // Unreadable metadata: the folders are still the submissions, by their own names.
  }
  const folders = (await readdir(dir, { withFileTypes: true })).filter(
    (e) => e.isDirectory() && e.name.startsWith("submission_"),
  );
  if (folders.length === 0) return undefined;
  return folders
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((folder) => {
      const who = submitters(metadata[folder.name]);
      const first = who[0];
      const key = first?.sid || first?.email?.split("@")[0] || first?.name;
      const group = who.length > 1 ? `; group of ${who.map((w) => w.name ?? w.sid ?? w.email).join(", ")}` : "";
      return {
        id: key ? safeId(key) : safeId(folder.name),
        source: path.join(dir, folder.name),
        note: `from Gradescope (${folder.name}${group})`,
      };
    });
}

/** GitHub Classroom's `<assignment>-submissions/<assignment>-<user>/`; undefined when `dir` is not named so. */
export async function classroomLayout(dir: string): Promise<Listed[] | undefined> {
  const m = /^(.+)-submissions$/.exec(path.basename(dir));
  if (!m) return undefined;
  const prefix = `${m[1]}-`;
  const repos = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith("."));
  if (repos.length === 0 || !repos.every((e) => e.name.startsWith(prefix) && e.name.length > prefix.length))
    return undefined;
  return repos
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => ({ id: safeId(e.name.slice(prefix.length)), source: path.join(dir, e.name) }));
}

/** The submissions of a platform's download in `dir`, if it is one. */
export async function platformLayout(dir: string): Promise<Listed[] | undefined> {
  return (await gradescopeLayout(dir)) ?? (await classroomLayout(dir)) ?? (await canvasLayout(dir));
}
