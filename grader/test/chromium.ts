/**
 * Debian's Chromium, headless and offline, for the browser tests and the bench. Playwright cannot download a
 * browser of its own here; these flags keep Chromium from reaching for the network at start.
 */
import { existsSync } from "node:fs";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

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
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width, height: 900 },
  });
}
