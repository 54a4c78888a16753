import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";

export interface ProfileUpdate {
  name: string;
  email: string;
}

export type ProfileResult = { ok: true } | { ok: false; reason: "email_taken" | "not_found" };

export const EMAIL_TAKEN_MESSAGE = "Another account already uses this email address.";

/** The signed-in user's own name and email. Emails are unique whatever their case. */
export async function updateProfile(db: Db, userId: string, input: ProfileUpdate, actor: Actor): Promise<ProfileResult> {
  try {
    return await db.transaction(async (tx) => {
      const before = await tx.query.users.findFirst({ where: eq(users.id, userId), columns: { name: true, email: true } });
      if (!before) return { ok: false, reason: "not_found" } as const;
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = ${input.email.toLowerCase()}`, ne(users.id, userId)))
        .limit(1);
      if (taken) return { ok: false, reason: "email_taken" } as const;
      if (before.name === input.name && before.email === input.email) return { ok: true } as const;

      await tx.update(users).set({ name: input.name, email: input.email }).where(eq(users.id, userId));
      await writeAudit(tx, actor, { action: "account.profile_updated", entityType: "user", entityId: userId, before, after: input });
      return { ok: true } as const;
    });
  } catch (error) {
    // two accounts claiming the same address at once: the unique index decides
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
