"use server";

import { headers } from "next/headers";
import { getDb } from "@/db";
import { writeAudit } from "@/lib/audit";
import { signOut } from "@/lib/auth";
import { requestMeta } from "@/lib/auth/request-meta";
import { getCurrentUser } from "@/lib/auth/session";

/** Signs out (the user menu's form posts here), audited before the session goes away. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    const actor = { userId: user.id, label: user.email, ...requestMeta(await headers()) };
    await writeAudit(await getDb(), actor, { action: "auth.logout", entityType: "user", entityId: user.id });
  }
  await signOut({ redirectTo: "/login" });
}
