import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens and recovery codes are stored only as their SHA-256. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
