/**
 * The browser tests' screenshots ask again when headless Chromium's compositor gave no frame, and only then.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./chromium.ts";

const NO_FRAME = "page.screenshot: Protocol error (Page.captureScreenshot): Unable to capture screenshot";

/** A page whose screenshot throws each of `errors` in turn (undefined: succeeds), counting the calls. */
function fakePage(errors: (string | undefined)[]): { page: Page; calls: () => number } {
  let calls = 0;
  const page = {
    screenshot: async () => {
      const error = errors[calls++];
      if (error !== undefined) throw new Error(error);
      return Buffer.alloc(0);
    },
  } as unknown as Page;
  return { page, calls: () => calls };
}

describe("screenshot", () => {
  it.each([
    ["works at once", [undefined], 1],
    ["works on the second try", [NO_FRAME, undefined], 2],
    ["works on the third try", [NO_FRAME, NO_FRAME, undefined], 3],
  ])("%s", async (_, errors, calls) => {
    const fake = fakePage(errors);
    await expect(screenshot(fake.page, "/dev/null")).resolves.toBeUndefined();
    expect(fake.calls()).toBe(calls);
  });

  it.each([
    ["no frame three times in a row", [NO_FRAME, NO_FRAME, NO_FRAME, undefined], 3, /Unable to capture/],
    ["any other error, at once", ["page.screenshot: Target page, context or browser has been closed"], 1, /closed/],
  ])("fails on %s", async (_, errors, calls, message) => {
    const fake = fakePage(errors);
    await expect(screenshot(fake.page, "/dev/null")).rejects.toThrow(message);
    expect(fake.calls()).toBe(calls);
  });
});
