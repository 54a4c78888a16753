import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { passwordResetTokens, users } from "@/db/schema";
import { randomToken, sha256 } from "./tokens";

export type LinkPurpose = "password_reset" | "invitation";

export const LINK_LIFETIME_MINUTES: Record<LinkPurpose, number> = {
  password_reset: 60,
  invitation: 7 * 24 * 60,
};

/** Creates a single-use link token for a user; returns the raw token (only its hash is stored). */
export async function issueLinkToken(db: Db, userId: string, purpose: LinkPurpose): Promise<string> {
  const token = randomToken();
  await db.insert(passwordResetTokens).values({
    userId,
    purpose,
    tokenHash: sha256(token),
    expiresAt: sql`now() + make_interval(mins => ${LINK_LIFETIME_MINUTES[purpose]})`,
  });
  return token;
}

export type LinkCheck =
  | { ok: true; tokenId: string; userId: string; purpose: LinkPurpose; email: string; name: string }
  | { ok: false; reason: "unknown" | "expired" | "used" };

/** Looks a token up without using it (for the page that shows the form). */
export async function checkLinkToken(db: Db, token: string): Promise<LinkCheck> {
  const [row] = await db
    .select({
      tokenId: passwordResetTokens.id,
      userId: passwordResetTokens.userId,
      purpose: passwordResetTokens.purpose,
      usedAt: passwordResetTokens.usedAt,
      expired: sql<boolean>`${passwordResetTokens.expiresAt} <= now()`,
      email: users.email,
      name: users.name,
      deactivatedAt: users.deactivatedAt,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, sha256(token)));
  if (!row || row.deactivatedAt) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expired) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: row.tokenId, userId: row.userId, purpose: row.purpose, email: row.email, name: row.name };
}

/**
 * Marks the token used, in the caller's transaction. The conditional UPDATE makes it single-use
 * even when two requests race with the same link.
 */
export async function consumeLinkToken(tx: Db, token: string): Promise<LinkCheck> {
  const check = await checkLinkToken(tx, token);
  if (!check.ok) return check;
  const used = await tx
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResetTokens.id, check.tokenId), isNull(passwordResetTokens.usedAt), sql`${passwordResetTokens.expiresAt} > now()`))
    .returning({ id: passwordResetTokens.id });
  return used.length === 1 ? check : { ok: false, reason: "used" };
}

export function linkFailureMessage(reason: "unknown" | "expired" | "used"): string {
  switch (reason) {
    case "expired":
      return "This link has expired. Ask for a new one.";
    case "used":
      return "This link was already used. Each link works once; ask for a new one if you need it.";
    case "unknown":
      return "This link is not valid. Check that you copied all of it, or ask for a new one.";
  }
}
