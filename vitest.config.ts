import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["grader/**/*.test.ts"],
    // Suites start sandboxed processes and grade whole classes.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files attached with annotate (the browser test's screenshots) are copied here, which git ignores.
    attachmentsDir: "artifacts/vitest-attachments",
  },
});
