/**
 * The result GitHub Classroom's autograding reporter reads: format version 3,
 * one test per exercise. The reporter takes a runner's result from the
 * environment as base64 JSON, and Classroom adds up each test's `score`
 * against the top-level `max_score`.
 */
import * as z from "zod";
import type { Manifest } from "../manifest.ts";
import type { CheckResult } from "./session.ts";

const StatusSchema = z.enum(["pass", "fail", "error"]);

export const ClassroomResultSchema = z.object({
  version: z.literal(3),
  status: StatusSchema,
  max_score: z.number().min(0),
  tests: z.array(
    z.object({
      name: z.string(),
      status: StatusSchema,
      score: z.number().min(0),
      max_score: z.number().min(0),
      message: z.string(),
      filename: z.string(),
      line_no: z.number().int().min(0),
      test_code: z.string(),
    }),
  ),
});
export type ClassroomResult = z.infer<typeof ClassroomResultSchema>;

export function classroomResult(result: CheckResult, manifest: Manifest): ClassroomResult {
  const tests = result.exercises.map((ex) => {
    const e = manifest.exercises.find((x) => x.id === ex.id)!;
    const own = result.cases.filter((c) => c.exercise === ex.id);
    const failing = own.filter((c) => c.status !== "pass");
    const status = ex.status === "complete" ? "pass" : ex.status === "compile error" ? "error" : "fail";
    const message =
      status === "pass"
        ? `all ${own.length} cases pass`
        : status === "error"
          ? "does not compile"
          : `${failing.length} of ${own.length} cases do not pass: ${failing.map((c) => c.id).join(", ")}`;
    return {
      name: `${ex.id.slice(0, 2)} ${ex.title}`,
      status,
      score: ex.score,
      max_score: ex.max_score,
      message,
      filename: `exercises/${ex.id}/${e.file}`,
      line_no: 0,
      test_code: `npm run check -- ${ex.id.slice(0, 2)}`,
    } as const;
  });
  const status = tests.some((t) => t.status === "error")
    ? "error"
    : tests.some((t) => t.status === "fail")
      ? "fail"
      : "pass";
  return ClassroomResultSchema.parse({ version: 3, status, max_score: result.max_score, tests });
}
