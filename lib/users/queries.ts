import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { likeContains, pageOf } from "@/lib/list-queries";
import { users, type Role } from "@/db/schema";
import type { UserListQuery, UserStatus } from "./schemas";

export const USERS_PAGE_SIZE = 25;

/** One status per user, in order of precedence: deactivated beats locked beats invited. */
export const userStatusSql = sql<UserStatus>`case
  when ${users.deactivatedAt} is not null then 'deactivated'
  when ${users.lockedUntil} > now() then 'locked'
  when ${users.passwordHash} is null then 'invited'
  else 'active' end`;

/** What the admin list shows: no hashes, no TOTP secrets. */
export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
}

export interface UserListPage {
  rows: UserListRow[];
  total: number;
  page: number;
  pageCount: number;
}

export async function listUsers(db: Db, query: UserListQuery): Promise<UserListPage> {
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = likeContains(query.q);
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  if (query.role) filters.push(eq(users.role, query.role));
  if (query.status) filters.push(sql`${userStatusSql} = ${query.status}`);
  const where = filters.length ? and(...filters) : undefined;

  const { total, page, pageCount, offset } = await pageOf(db.select({ n: count() }).from(users).where(where), query.page, USERS_PAGE_SIZE);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: userStatusSql,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, pageCount };
}

/** For filter selects elsewhere (the audit log's actor filter). */
export function listUserOptions(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}
