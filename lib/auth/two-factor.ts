import { and, eq, isNotNull, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { verifyPassword } from "./password";
import { newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "./totp";

export type TwoFactorFailure = "already_enabled" | "not_enabled" | "not_started" | "invalid_code" | "wrong_password";
type Failure = { ok: false; reason: TwoFactorFailure };
type CodesResult = { ok: true; recoveryCodes: string[] } | Failure;

export function twoFactorFailureMessage(reason: TwoFactorFailure): string {
  switch (reason) {
    case "already_enabled":
      return "Two-factor authentication is already on.";
    case "not_enabled":
      return "Two-factor authentication is off.";
    case "not_started":
      return "Start again: choose Enable to get a new QR code.";
    case "invalid_code":
      return "That code is not valid. Enter the current code from your authenticator app.";
    case "wrong_password":
      return "That password is not correct.";
  }
}

/**
 * Step 1: a new secret, kept on the user but not in force until a code from it is confirmed.
 * Returns the secret (the user types it or scans it) and the QR code as a data URL.
 */
export async function startTwoFactorSetup(
  db: Db,
  userId: string,
  actor: Actor,
): Promise<{ ok: true; secret: string; qrDataUrl: string } | Failure> {
  const secret = newTotpSecret();
  const pending = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ totpSecret: secret })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
      .returning({ email: users.email });
    if (!row) return null;
    await writeAudit(tx, actor, { action: "account.totp_setup_started", entityType: "user", entityId: userId });
    return row;
  });
  if (!pending) return { ok: false, reason: "already_enabled" };
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, pending.email), { margin: 1, width: 200 });
  return { ok: true, secret, qrDataUrl };
}

/** Step 2: a valid code from the pending secret turns it on and yields ten recovery codes, shown once. */
export async function confirmTwoFactor(db: Db, userId: string, code: string, actor: Actor): Promise<CodesResult> {
  const user = await totpStateOf(db, userId);
  if (user?.totpEnabledAt) return { ok: false, reason: "already_enabled" };
  if (!user?.totpSecret) return { ok: false, reason: "not_started" };
  if (!(await verifyTotp(user.totpSecret, code))) return { ok: false, reason: "invalid_code" };

  const { codes, hashes } = newRecoveryCodes();
  return db.transaction(async (tx) => {
    // guarded on the secret just checked: a second Enable in another tab meanwhile wins, not this code
    const [row] = await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), totpRecoveryCodes: hashes })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, user.totpSecret ?? "")))
      .returning({ id: users.id });
    if (!row) return { ok: false, reason: "not_started" } as const;
    await writeAudit(tx, actor, { action: "account.totp_enabled", entityType: "user", entityId: userId });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

/** Turning it off takes the account password, so a borrowed unlocked session cannot do it. */
export async function disableTwoFactor(db: Db, userId: string, password: string, actor: Actor): Promise<{ ok: true } | Failure> {
  const user = await db.query.users.findFirst({
    where: eq(users.id, userId),
    columns: { passwordHash: true, totpEnabledAt: true },
  });
  if (!user?.totpEnabledAt) return { ok: false, reason: "not_enabled" };
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "wrong_password" };
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpRecoveryCodes: [] })
      .where(eq(users.id, userId));
    await writeAudit(tx, actor, { action: "account.totp_disabled", entityType: "user", entityId: userId });
    return { ok: true } as const;
  });
}

/** New recovery codes replace all the old ones; it takes a current authenticator code. */
export async function regenerateRecoveryCodes(db: Db, userId: string, code: string, actor: Actor): Promise<CodesResult> {
  const user = await totpStateOf(db, userId);
  if (!user?.totpEnabledAt || !user.totpSecret) return { ok: false, reason: "not_enabled" };
  if (!(await verifyTotp(user.totpSecret, code))) return { ok: false, reason: "invalid_code" };

  const { codes, hashes } = newRecoveryCodes();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ totpRecoveryCodes: hashes })
      .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (!row) return { ok: false, reason: "not_enabled" } as const;
    await writeAudit(tx, actor, { action: "account.recovery_codes_regenerated", entityType: "user", entityId: userId });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

/** The secret (pending or in force) and when two-factor was turned on: never sent to the client. */
function totpStateOf(db: Db, userId: string) {
  return db.query.users.findFirst({ where: eq(users.id, userId), columns: { totpSecret: true, totpEnabledAt: true } });
}
