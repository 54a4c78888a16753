import type { Db } from "@/db";
import type { EmailStatus } from "@/db/schema";
import UserInvitationEmail from "@/emails/user-invitation";
import { LINK_LIFETIME_MINUTES } from "@/lib/auth/link-tokens";
import { sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { ROLE_LABELS } from "./schemas";
import type { UserSnapshot } from "./snapshot";

export function invitationUrl(token: string): string {
  return `${env().APP_URL}/reset-password/${token}`;
}

/** Sends (or keeps in the outbox) the invitation with its set-password link. */
export async function sendInvitationEmail(
  db: Db,
  args: { user: UserSnapshot; token: string; companyName: string; invitedBy: string },
): Promise<{ emailId: string; emailStatus: EmailStatus }> {
  const { id, status } = await sendEmail(db, {
    template: "user-invitation",
    to: [args.user.email],
    subject: `You're invited to ${args.companyName} on CleanPay`,
    body: (
      <UserInvitationEmail
        name={args.user.name}
        companyName={args.companyName}
        invitedBy={args.invitedBy}
        role={ROLE_LABELS[args.user.role].toLowerCase()}
        acceptUrl={invitationUrl(args.token)}
        expiresInDays={Math.round(LINK_LIFETIME_MINUTES.invitation / (24 * 60))}
      />
    ),
    entityType: "user",
    entityId: args.user.id,
  });
  return { emailId: id, emailStatus: status };
}
