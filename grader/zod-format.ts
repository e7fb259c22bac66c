/** Internal. Renders zod issues in one place: "✖ message → at layers[1].W". */
import type { z } from "zod";
import { InvalidFileError } from "./errors.ts";

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  return out;
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const at = issue.path.length > 0 ? ` → at ${formatPath(issue.path)}` : "";
    return `${issue.message}${at}`;
  });
}

/** Parses a course file's JSON text against its schema; a problem names the file and the path inside it. */
export function parseJsonFile<T>(text: string, file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidFileError(file, [`not JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidFileError(file, formatIssues(parsed.error));
  return parsed.data;
}
