/**
 * The sealed hidden cases: AES-256-GCM round trip, a clear error for a bad,
 * wrong or missing key and for a changed file or header, and the key never
 * reaching the sandbox even when it sits in the grader's own environment.
 */
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SealedError } from "../errors.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { loadCases } from "../fixtures/load.ts";
import { CheckSession } from "../check/session.ts";
import {
  generateKey,
  openHidden,
  parseKey,
  seal,
  SEALED_FILE_NAME,
  unseal,
  type SealedFile,
  type SealedPayload,
} from "../check/sealed.ts";

const manifest = loadManifest();
const payload: SealedPayload = {
  hidden: Object.fromEntries(
    manifest.exercises.map((e) => [e.id, readFileSync(path.join(paths.fixtures, e.id, "hidden.json"), "utf8")]),
  ),
  diagnoses: { "hidden/05-delta/x": { "delta-missing-gprime": [1, 2] } },
};
const counts = { "05-delta": { cases: 3, points: 6 } };
const key = parseKey(generateKey());

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return error instanceof SealedError ? error.code : String(error);
  }
  return undefined;
}

describe("sealing", () => {
  it("opens with the key it was sealed with", () => {
    expect(unseal(seal(payload, counts, key), key)).toEqual(payload);
  });

  it("keeps values out of the file's text", () => {
    const text = JSON.stringify(seal(payload, counts, key));
    expect(text).not.toContain("expected");
    expect(text).toContain('"points":6');
  });

  it.each([
    ["a wrong key", (f: SealedFile) => unseal(f, parseKey(generateKey())), "WRONG_KEY"],
    [
      "a changed ciphertext",
      (f: SealedFile) =>
        unseal({ ...f, ciphertext: (f.ciphertext[0] === "A" ? "B" : "A") + f.ciphertext.slice(1) }, key),
      "TAMPERED",
    ],
    [
      "a changed header",
      (f: SealedFile) => unseal({ ...f, exercises: { "05-delta": { cases: 3, points: 60 } } }, key),
      "TAMPERED",
    ],
  ])("refuses %s", (_what, open, expected) => {
    const file = seal(payload, counts, key);
    expect(code(() => open(file))).toBe(expected);
  });

  it.each(["", "short", "A".repeat(43), Buffer.alloc(31).toString("base64")])("refuses the key %j", (text) => {
    expect(code(() => parseKey(text))).toBe("BAD_KEY");
  });

  it("accepts a key in hex too", () => {
    expect(parseKey(key.toString("hex")).equals(key)).toBe(true);
  });
});

describe("openHidden", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "bpk-sealed-"));
    for (const e of manifest.exercises) {
      await mkdir(path.join(dir, e.id), { recursive: true });
      await writeFile(
        path.join(dir, e.id, "public.json"),
        readFileSync(path.join(paths.fixtures, e.id, "public.json")),
      );
    }
    const all = loadCases(manifest, { visibility: ["hidden"] });
    const total = Object.fromEntries(
      manifest.exercises.map((e) => {
        const own = all.filter((c) => c.exercise === e.id);
        return [e.id, { cases: own.length, points: own.reduce((s, c) => s + c.points, 0) }];
      }),
    );
    await writeFile(path.join(dir, SEALED_FILE_NAME), JSON.stringify(seal(payload, total, key)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads the course's plain hidden cases without a key", () => {
    const hidden = openHidden(manifest, paths.fixtures, undefined);
    expect(hidden.available).toBe(true);
    expect(hidden.counts["05-delta"].cases).toBeGreaterThan(0);
  });

  it("without the key knows only the counts", () => {
    const hidden = openHidden(manifest, dir, undefined);
    expect(hidden).toMatchObject({ available: false });
    expect(hidden.readSealed).toBeUndefined();
  });

  it("with the key loads exactly the course's hidden cases", () => {
    const hidden = openHidden(manifest, dir, key.toString("base64"));
    const sealed = loadCases(manifest, { visibility: ["hidden"], dir, readSealed: hidden.readSealed });
    expect(sealed.map((c) => c.key)).toEqual(loadCases(manifest, { visibility: ["hidden"] }).map((c) => c.key));
  });

  it("never lets the key reach student code, even from the grader's own environment", async () => {
    const student = await mkdtemp(path.join(os.tmpdir(), "bpk-env-"));
    const canary = generateKey();
    process.env.GRADER_KEY = canary;
    try {
      await mkdir(path.join(student, "01-linear-algebra"));
      await writeFile(path.join(student, "types.ts"), readFileSync(path.join(paths.exercises, "types.ts")));
      await writeFile(
        path.join(student, "01-linear-algebra", "linalg.ts"),
        readFileSync(path.join(paths.solutions, "01-linear-algebra", "linalg.ts"), "utf8").replace(
          /^export function shape\(([^)]*)\)([^{]*)\{/m,
          'export function shape($1)$2{\n  throw new Error("env: " + JSON.stringify(process.env));',
        ),
      );
      const session = await CheckSession.open({ manifest, dir: student, visibility: ["public"] });
      try {
        const result = await session.run(["01-linear-algebra"]);
        const messages = result.cases.map((c) => c.message).join("\n");
        expect(messages).toContain("env: {}");
        expect(messages).not.toContain(canary);
      } finally {
        await session.close();
      }
    } finally {
      delete process.env.GRADER_KEY;
      await rm(student, { recursive: true, force: true });
    }
  });
});
