import { randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { sha256 } from "./tokens";

const ISSUER = "CleanPay";
// One 30-second step either side, for clocks that drift.
const EPOCH_TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: EPOCH_TOLERANCE_SECONDS });
  return result.valid;
}

/** Ten one-time recovery codes like `7f3a-91c2-d04e`; the user sees them once, we keep hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const hex = randomBytes(6).toString("hex");
    return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase());
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/i.test(code.trim());
}
