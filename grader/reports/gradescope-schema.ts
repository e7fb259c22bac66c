/**
 * Gradescope's autograder results.json, as zod schemas, following
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/ (Output
 * format). Objects are strict so that a misspelt key in what the kit writes
 * is caught here, not silently ignored by Gradescope.
 */
import * as z from "zod";

/** Who sees a test or the whole result, and when. */
export const GradescopeVisibilitySchema = z.enum(["hidden", "after_due_date", "after_published", "visible"]);

/** How a string field is rendered: plain text, HTML, simple formatting, markdown or ANSI colours. */
export const GradescopeFormatSchema = z.enum(["text", "html", "simple_format", "md", "ansi"]);

export const GradescopeTestSchema = z.strictObject({
  /** Required on each test when the top level has no score. */
  score: z.number().optional(),
  max_score: z.number().optional(),
  status: z.enum(["passed", "failed"]).optional(),
  name: z.string().optional(),
  name_format: GradescopeFormatSchema.optional(),
  /** Orders and labels the test, e.g. "5.3"; numbered in array order when absent. */
  number: z.string().optional(),
  output: z.string().optional(),
  output_format: GradescopeFormatSchema.optional(),
  tags: z.array(z.string()).optional(),
  visibility: GradescopeVisibilitySchema.optional(),
  extra_data: z.record(z.string(), z.unknown()).optional(),
});

export const GradescopeLeaderboardEntrySchema = z.strictObject({
  name: z.string(),
  value: z.union([z.number(), z.string()]),
  order: z.enum(["asc", "desc"]).optional(),
});

export const GradescopeResultsSchema = z
  .strictObject({
    /** Overrides the sum of the tests' scores when present. */
    score: z.number().optional(),
    /** Seconds. */
    execution_time: z.number().min(0).optional(),
    output: z.string().optional(),
    output_format: GradescopeFormatSchema.optional(),
    test_output_format: GradescopeFormatSchema.optional(),
    test_name_format: GradescopeFormatSchema.optional(),
    visibility: GradescopeVisibilitySchema.optional(),
    stdout_visibility: GradescopeVisibilitySchema.optional(),
    extra_data: z.record(z.string(), z.unknown()).optional(),
    tests: z.array(GradescopeTestSchema).optional(),
    leaderboard: z.array(GradescopeLeaderboardEntrySchema).optional(),
  })
  .refine((r) => r.score !== undefined || (!!r.tests?.length && r.tests.every((t) => t.score !== undefined)), {
    message: "a score is required at the top level or on every test",
  });

export type GradescopeTest = z.infer<typeof GradescopeTestSchema>;
export type GradescopeResults = z.infer<typeof GradescopeResultsSchema>;
