import type { Db } from "@/db";
import { auditLog } from "@/db/schema";

/** Who did something and from where; passed down from the action wrapper. */
export interface Actor {
  userId: string | null;
  label?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: bigint money becomes its decimal string, dates their ISO form. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}

/** Writes one audit row in the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    actorLabel: actor.label ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  });
}

/** The system itself (seed, jobs). */
export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };
