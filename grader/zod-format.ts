/** Internal. Renders zod issues in one place: "✖ message → at layers[1].W". */
import type { z } from "zod";

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
