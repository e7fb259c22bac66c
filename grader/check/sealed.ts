/**
 * The release's hidden cases: one file, fixtures/hidden.sealed.json, holding
 * every exercise's hidden.json encrypted with AES-256-GCM under the course's
 * GRADER_KEY. A small plaintext header says, per exercise, how many hidden
 * cases there are and their points (no values), so a copy without the key can
 * say what it is not grading. Decryption happens only in the trusted process;
 * the sandbox never sees the key or the cases, only each call's arguments.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import * as z from "zod";
import { SealedError } from "../errors.ts";
import type { Manifest } from "../manifest.ts";
import { formatIssues } from "../zod-format.ts";
import { fixtureFile } from "../fixtures/load.ts";

export const SEALED_FILE_NAME = "hidden.sealed.json";
const FORMAT = "backprop-kit/sealed-hidden-cases@1";

const CountSchema = z.object({ cases: z.number().int().min(0), points: z.number().int().min(0) });
export type HiddenCount = z.infer<typeof CountSchema>;

export const SealedFileSchema = z.object({
  format: z.literal(FORMAT),
  cipher: z.literal("aes-256-gcm"),
  /** Names the key without revealing it, so a wrong key gets its own message. */
  key_id: z.string(),
  /** exercise id → how many hidden cases and points; readable without the key. */
  exercises: z.record(z.string(), CountSchema),
  iv: z.string(),
  tag: z.string(),
  /** base64 of the gzipped, encrypted SealedPayload JSON. */
  ciphertext: z.string(),
});
export type SealedFile = z.infer<typeof SealedFileSchema>;

export const SealedPayloadSchema = z.object({
  /** exercise id → the text of its hidden.json. */
  hidden: z.record(z.string(), z.string()),
  /** The misconception catalogue's outputs on the hidden cases (see misconceptions/table.ts). */
  diagnoses: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type SealedPayload = z.infer<typeof SealedPayloadSchema>;

/** A fresh 32-byte key, base64: what the course stores as the GRADER_KEY secret. */
export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

/** Reads a key given as base64 (or 64 hex digits); it must be exactly 32 bytes. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(trimmed) && key.toString("base64") !== trimmed)) {
    throw new SealedError(
      "BAD_KEY",
      "GRADER_KEY must be 32 bytes in base64 (44 characters); make one with: openssl rand -base64 32",
    );
  }
  return key;
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update("backprop-kit key id\0").update(key).digest("hex").slice(0, 16);
}

// The header is authenticated with the ciphertext: changing a count or the key id breaks the tag.
function aad(file: Pick<SealedFile, "format" | "cipher" | "key_id" | "exercises">): Buffer {
  const counts = Object.entries(file.exercises).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify([file.format, file.cipher, file.key_id, counts]));
}

export function seal(payload: SealedPayload, counts: Record<string, HiddenCount>, key: Buffer): SealedFile {
  const head = { format: FORMAT, cipher: "aes-256-gcm", key_id: keyId(key), exercises: counts } as const;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(head));
  const data = Buffer.concat([cipher.update(gzipSync(JSON.stringify(payload))), cipher.final()]);
  return {
    ...head,
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: data.toString("base64"),
  };
}

export function unseal(file: SealedFile, key: Buffer): SealedPayload {
  if (file.key_id !== keyId(key)) {
    throw new SealedError("WRONG_KEY", "GRADER_KEY is not the key these hidden cases were sealed with");
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(file.iv, "base64"));
    decipher.setAAD(aad(file));
    decipher.setAuthTag(Buffer.from(file.tag, "base64"));
    plain = gunzipSync(Buffer.concat([decipher.update(Buffer.from(file.ciphertext, "base64")), decipher.final()]));
  } catch {
    throw new SealedError("TAMPERED", `${SEALED_FILE_NAME} has been changed since it was sealed; restore it`);
  }
  return SealedPayloadSchema.parse(JSON.parse(plain.toString("utf8")));
}

export function readSealedFile(file: string): SealedFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SealedError("BAD_SEALED_FILE", `${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = SealedFileSchema.safeParse(json);
  if (!parsed.success) throw new SealedError("BAD_SEALED_FILE", `${file}: ${formatIssues(parsed.error).join("; ")}`);
  return parsed.data;
}

/** What this copy of the kit can do with its hidden cases. */
export interface HiddenCases {
  /** Per exercise, how many hidden cases and points there are, graded here or not. */
  counts: Record<string, HiddenCount>;
  /** Whether the hidden cases can be graded here: plain files (the course), or sealed with the key given. */
  available: boolean;
  /** loadCases' hook for the sealed cases; only with the key. */
  readSealed?: (file: string) => string | undefined;
  /** The catalogue's outputs on the hidden cases, for the release's table diagnoser; only with the key. */
  diagnoses?: SealedPayload["diagnoses"];
}

function plainCounts(manifest: Manifest, dir: string): Record<string, HiddenCount> {
  const counts: Record<string, HiddenCount> = {};
  for (const e of manifest.exercises) {
    const file = fixtureFile(dir, e.id, "hidden");
    if (!existsSync(file)) continue;
    // Only counted here; loadCases validates the file when the cases are graded.
    const cases = (JSON.parse(readFileSync(file, "utf8")) as { cases?: { points?: number }[] }).cases ?? [];
    counts[e.id] = { cases: cases.length, points: cases.reduce((s, c) => s + (c.points ?? 0), 0) };
  }
  return counts;
}

/**
 * The hidden cases of the fixtures folder `dir`. The course's copy has them in
 * plain files; a release has the sealed file and needs `key` to open it.
 */
export function openHidden(manifest: Manifest, dir: string, key: string | undefined): HiddenCases {
  const sealedPath = path.join(dir, SEALED_FILE_NAME);
  if (!existsSync(sealedPath)) return { counts: plainCounts(manifest, dir), available: true };
  const file = readSealedFile(sealedPath);
  if (key === undefined || key.trim() === "") return { counts: file.exercises, available: false };
  const payload = unseal(file, parseKey(key));
  const texts = new Map(manifest.exercises.map((e) => [fixtureFile(dir, e.id, "hidden"), payload.hidden[e.id]]));
  return {
    counts: file.exercises,
    available: true,
    readSealed: (wanted) => texts.get(wanted),
    diagnoses: payload.diagnoses,
  };
}

/**
 * Takes GRADER_KEY out of this process's environment, so that no process
 * started later inherits it (the sandbox gets an empty environment anyway).
 */
export function takeKeyFromEnv(): string | undefined {
  const key = process.env.GRADER_KEY;
  delete process.env.GRADER_KEY;
  return key;
}
