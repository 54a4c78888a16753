import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { likeContains, pageOf } from "@/lib/list-queries";
import type { AuditQuery } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

function filtersOf(query: AuditQuery): SQL | undefined {
  const filters: SQL[] = [];
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.actor) {
    const pattern = likeContains(query.actor);
    const match = or(ilike(auditLog.actorLabel, pattern), ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  // whole days in UTC, both ends included
  if (query.from) filters.push(gte(auditLog.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) filters.push(lt(auditLog.createdAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)));
  return filters.length ? and(...filters) : undefined;
}

/** Newest first, 50 a page, with the actor's current name when the actor is a user. */
export async function listAuditEntries(db: Db, query: AuditQuery) {
  const where = filtersOf(query);
  const counting = db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where);
  const { total, page, pageCount, offset } = await pageOf(counting, query.page, AUDIT_PAGE_SIZE);
  const rows: AuditEntry[] = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, pageCount };
}

/** The values the entity type and action filters offer: only ones that occur. */
export async function listAuditFilterOptions(db: Db) {
  const entityTypes = await db.selectDistinct({ value: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType));
  const actions = await db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return { entityTypes: entityTypes.map((r) => r.value), actions: actions.map((r) => r.value) };
}
