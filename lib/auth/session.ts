import "server-only";
import { eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { users, type Role } from "@/db/schema";
import { auth } from "./index";
import { can, isStaff, type Permission } from "./permissions";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  totpEnabled: boolean;
}

/**
 * The signed-in user, re-read from the database once per request: a deactivated user, a changed
 * role or a rotated session version (password changed elsewhere) takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const db = await getDb();
  const user = await db.query.users.findFirst({
    where: eq(users.id, session.user.id),
    columns: { id: true, email: true, name: true, role: true, totpEnabledAt: true, deactivatedAt: true, sessionVersion: true },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, totpEnabled: user.totpEnabledAt !== null };
});

export function homeFor(role: Role): string {
  return isStaff(role) ? "/dashboard" : "/portal";
}

/** For layouts and pages: anonymous → /login, wrong role → its own home (or 404 for admin pages). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

export async function requireStaff(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isStaff(user.role)) redirect(homeFor(user.role));
  return user;
}

export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}
