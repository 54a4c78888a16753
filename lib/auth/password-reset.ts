import { and, eq, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db";
import { companySettings, passwordResetTokens, users } from "@/db/schema";
import PasswordResetEmail from "@/emails/password-reset";
import { writeAudit, type Actor } from "@/lib/audit";
import { sendEmail } from "@/lib/email/send";
import type { EmailTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { consumeLinkToken, issueLinkToken, LINK_LIFETIME_MINUTES, type LinkCheck } from "./link-tokens";
import { findUserByEmail } from "./login";
import { hashPassword } from "./password";

export const RESET_REQUESTED_MESSAGE = `If an account exists for that address, we have emailed a link. It expires in ${LINK_LIFETIME_MINUTES.password_reset} minutes.`;

/**
 * Emails a single-use reset link to an active user. Says nothing about whether the address has an
 * account: the caller shows the same answer either way, and an unknown address writes nothing.
 */
export async function requestPasswordReset(db: Db, email: string, actor: Actor, transport?: EmailTransport): Promise<void> {
  const issued = await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.deactivatedAt) return null;
    const token = await issueLinkToken(tx, user.id, "password_reset");
    await writeAudit(tx, { ...actor, label: actor.label ?? user.email }, {
      action: "auth.password_reset_requested",
      entityType: "user",
      entityId: user.id,
    });
    return { token, user: { id: user.id, name: user.name, email: user.email } };
  });
  if (!issued) return;

  const [company] = await db.select({ name: companySettings.legalName }).from(companySettings).limit(1);
  await sendEmail(
    db,
    {
      template: "password-reset",
      to: [issued.user.email],
      subject: "Reset your CleanPay password",
      body: createElement(PasswordResetEmail, {
        name: issued.user.name,
        companyName: company?.name ?? "CleanPay",
        resetUrl: `${env().APP_URL}/reset-password/${issued.token}`,
        expiresInMinutes: LINK_LIFETIME_MINUTES.password_reset,
      }),
      entityType: "user",
      entityId: issued.user.id,
    },
    transport,
  );
}

export type PasswordResetResult = { ok: true; userId: string; email: string } | Extract<LinkCheck, { ok: false }>;

/**
 * Uses a reset or invitation link to set the password, all in one transaction: the link is spent
 * (once, even under races), every session of the user ends, a lockout is lifted and the user's other
 * open links die with it.
 */
export async function completePasswordReset(db: Db, token: string, password: string, actor: Actor): Promise<PasswordResetResult> {
  // argon2 takes tens of milliseconds: do it before the transaction opens
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, token);
    if (!link.ok) return link;
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`gen_random_uuid()`, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, link.userId));
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, link.userId), isNull(passwordResetTokens.usedAt)));
    await writeAudit(tx, { ...actor, userId: link.userId, label: link.email }, {
      action: link.purpose === "invitation" ? "auth.invitation_accepted" : "auth.password_reset",
      entityType: "user",
      entityId: link.userId,
    });
    return { ok: true, userId: link.userId, email: link.email };
  });
}
