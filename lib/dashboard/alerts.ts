import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { FINAL_DISPUTE_STATUSES } from "@/lib/disputes/status";
import { awaitingApproval } from "@/lib/payments/list";
import { int } from "./sql";
import { queryRows } from "@/db/raw-rows";

export interface DashboardAlerts {
  /** customers' "I have paid" submissions waiting for staff (as /payments/approvals lists them) */
  pendingApprovals: number;
  /** disputes not yet won, lost, closed or prevented */
  openDisputes: number;
  /** the earliest evidence deadline of an open dispute still waiting for evidence; null when none */
  nearestEvidenceDue: Date | null;
}

const FINAL = sql.raw(FINAL_DISPUTE_STATUSES.map((status) => `'${status}'`).join(", "));

/** Counts, not money: they cover every currency. One statement. */
export async function dashboardAlerts(db: Db): Promise<DashboardAlerts> {
  const [row] = await queryRows(
    db,
    sql`select
          (select count(*) from payments where ${awaitingApproval})::int as approvals,
          (select count(*) from disputes where status not in (${FINAL}))::int as disputes,
          (select to_char(min(evidence_due_by) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from disputes
            where status not in (${FINAL}) and evidence_submitted_at is null and evidence_due_by is not null) as evidence_due`,
  );
  const due = row?.evidence_due;
  return {
    pendingApprovals: int(row?.approvals),
    openDisputes: int(row?.disputes),
    nearestEvidenceDue: typeof due === "string" ? new Date(due) : null,
  };
}
