/**
 * The exercise manifest: every exercise with its id, title, entry file, points
 * and hints, validated when it is loaded.
 */
import { readFileSync } from "node:fs";
import * as z from "zod";
import { paths } from "./paths.ts";
import { parseJsonFile } from "./zod-format.ts";

export const HintSchema = z.object({
  text: z.string().trim().min(1, "hints must not be empty"),
  /**
   * What the hint is about: rule ids from the exercise guide's "Rules" table, or exported function names. The
   * check shows first the hints about what is actually failing.
   */
  about: z.array(z.string().min(1)).min(1, "name the rules or functions the hint is about"),
});

export const ExerciseSchema = z.object({
  id: z.string().regex(/^\d\d-[a-z0-9-]+$/, "an id like 05-delta"),
  title: z.string().min(1),
  /** The stub file, relative to the exercise folder. */
  file: z.string().regex(/^[\w-]+\.ts$/, "a .ts file name"),
  /** Public and hidden points together. */
  points: z.number().int().positive(),
  bonus: z.boolean().default(false),
  /** The lecture section the exercise follows. */
  lecture: z.string().min(1),
  /** In the order a stuck student should read them; each says which rules or functions it helps with. */
  hints: z.array(HintSchema).min(1),
});

/**
 * How bonus exercises count. `extra_credit` (the default): a submission is graded out of the required points
 * and bonus points add on top, so all the required work is 100%. `in_maximum`: the maximum counts every point.
 */
export const BonusPointsSchema = z.enum(["extra_credit", "in_maximum"]);

/**
 * When Gradescope shows a student the hidden cases (its own test visibility words). `after_due_date`, the default:
 * after the due date (the late due date when late work is allowed); `after_published`: once grades are
 * published; `hidden`: never; `visible`: at once.
 */
export const HiddenVisibilitySchema = z.enum(["after_due_date", "after_published", "hidden", "visible"]);

/**
 * What stands in for an exercise a student did not hand in, when an exercise they did hand in imports it (06's
 * gradients call 04's forward). `stub` (the default): the course's stub, so the importing exercise's cases that need
 * it fail, and the feedback says which file to add. `reference`: the course's solution, so each exercise is judged on
 * its own; its source then runs beside the student's code, where a student could read it.
 */
export const MissingImportsSchema = z.enum(["stub", "reference"]);

export const ManifestSchema = z
  .object({
    bonus_points: BonusPointsSchema.default("extra_credit"),
    missing_imports: MissingImportsSchema.default("stub"),
    gradescope: z.object({ hidden_visibility: HiddenVisibilitySchema.default("after_due_date") }).prefault({}),
    exercises: z.array(ExerciseSchema).min(1),
  })
  .refine((m) => new Set(m.exercises.map((e) => e.id)).size === m.exercises.length, "exercise ids must be unique");

export type Exercise = z.infer<typeof ExerciseSchema>;
export type Hint = z.infer<typeof HintSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type BonusPoints = z.infer<typeof BonusPointsSchema>;
export type MissingImports = z.infer<typeof MissingImportsSchema>;

export function parseManifest(text: string, file: string): Manifest {
  return parseJsonFile(text, file, ManifestSchema);
}

let cached: Manifest | undefined;

/** The course's manifest (exercises/manifest.json), loaded once. */
export function loadManifest(file = paths.manifest): Manifest {
  if (file !== paths.manifest) return parseManifest(readFileSync(file, "utf8"), file);
  cached ??= parseManifest(readFileSync(file, "utf8"), file);
  return cached;
}

/** exercise id → entry file relative to the exercises folder, e.g. 05-delta/delta.ts. */
export function entryFiles(manifest: Manifest): Record<string, string> {
  return Object.fromEntries(manifest.exercises.map((e) => [e.id, `${e.id}/${e.file}`]));
}

/**
 * The points a submission is graded out of, from the parts it was graded on (cases or exercises, by
 * exercise id): with extra credit, the required exercises' points only. Parts that are all bonus (a check
 * of one bonus exercise) count in full, so that they are never out of 0.
 */
export function maxScore(manifest: Manifest, parts: { exercise: string; points: number }[]): number {
  const bonus = new Set(manifest.exercises.filter((e) => e.bonus).map((e) => e.id));
  const all = parts.reduce((s, p) => s + p.points, 0);
  if (manifest.bonus_points === "in_maximum") return all;
  const required = parts.filter((p) => !bonus.has(p.exercise));
  return required.length === 0 ? all : required.reduce((s, p) => s + p.points, 0);
}
