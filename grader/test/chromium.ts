/**
 * A headless, offline Chromium for the browser tests and the bench: the one the test run's global setup found
 * (find-chromium.ts), or found here when run outside vitest. Playwright cannot download a browser of its own here;
 * these flags keep Chromium from reaching for the network at start.
 */
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { findChromium } from "./find-chromium.ts";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh browser with its profile in `profile`, at the given viewport width (900 px high). */
export async function launchChromium(profile: string, width: number): Promise<BrowserContext> {
  const executablePath = (await findChromium()).path;
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    // Without a LANG, Chromium's own language is "en-US@posix", which Intl rejects ("Invalid language tag"): the
    // packaged build has no wrapper script that sets one, and pages must not depend on the machine's locale anyway.
    locale: "en-US",
    viewport: { width, height: 900 },
  });
}

/**
 * Headless Chromium's capture of a whole page sometimes fails once under load ("Unable to capture screenshot": its
 * compositor gave no frame) and works when asked again. A screenshot is the test's artifact, not what it asserts, so
 * that error is tried three times; any other, or a third in a row, fails the test.
 */
export async function screenshot(page: Page, file: string, fullPage = true): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: file, fullPage });
      return;
    } catch (error) {
      if (attempt === 3 || !/Unable to capture screenshot/.test(String((error as Error)?.message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
