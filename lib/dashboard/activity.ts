import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { actorNameOf } from "@/lib/payments/detail";
import { str } from "./sql";
import { queryRows, minorCell } from "@/db/raw-rows";

export const ACTIVITY_LIMIT = 15;

/** The audit entity types whose rows are about money. */
export const MONEY_ENTITIES = ["invoice", "payment", "refund", "dispute", "credit_note"] as const;

export interface ActivityRow {
  id: string;
  at: Date;
  action: string;
  /** "Payment recorded" */
  summary: string;
  /** what the row is about: "INV-2026-00012", "PAY-2026-00003", … (null when the row is gone) */
  subject: string | null;
  /** the document's own amount, in its own currency (each row stands alone; nothing is added up) */
  amount: { minor: bigint; currency: string } | null;
  actorName: string;
  /** the staff page of the invoice, payment or dispute; refunds open their payment, credit notes their invoice */
  href: string | null;
}

const SUMMARIES: Record<string, string> = {
  "invoice.create": "Invoice draft created",
  "invoice.update": "Invoice draft edited",
  "invoice.delete": "Invoice draft deleted",
  "invoice.duplicate": "Invoice duplicated",
  "invoice.finalize": "Invoice finalized",
  "invoice.email": "Invoice emailed",
  "invoice.sent": "Invoice sent",
  "invoice.viewed": "Invoice viewed by the customer",
  "invoice.void": "Invoice voided",
  "invoice.uncollectible": "Invoice marked uncollectible",
  "invoice.partial_payment_allowed": "Partial payment allowed",
  "invoice.partial_payment_disallowed": "Payment in full required",
  "invoice.exported": "Invoices exported",
  "payment.record": "Payment recorded",
  "payment.created": "Payment started",
  "payment.pending": "Payment pending",
  "payment.succeed": "Payment succeeded",
  "payment.approve": "Payment approved",
  "payment.reject": "Payment rejected",
  "payment.fail": "Payment failed",
  "payment.void": "Payment voided",
  "payment.fee_recorded": "Gateway fee recorded",
  "refund.create": "Refund requested",
  "refund.succeed": "Refund completed",
  "refund.fail": "Refund failed",
  "credit_note.create": "Credit note issued",
  "credit_note.email": "Credit note emailed",
  "dispute.open": "Dispute opened",
  "dispute.update": "Dispute updated",
  "dispute.close": "Dispute closed",
  "dispute.lost": "Dispute lost",
  "dispute.note": "Dispute note added",
  "dispute.evidence": "Dispute evidence saved",
  "dispute.submit": "Dispute evidence submitted",
};

/** "payment.record" → its words; an action not listed reads as itself. */
export function activitySummary(action: string): string {
  return SUMMARIES[action] ?? action;
}

const ENTITIES = sql.raw(MONEY_ENTITIES.map((type) => `'${type}'`).join(", "));

/**
 * The latest money audit rows with their subject, in one statement: the newest rows first (by the
 * audit_log created index), then each joined to its own table through a uuid the row names.
 */
export async function recentActivity(db: Db, limit = ACTIVITY_LIMIT): Promise<ActivityRow[]> {
  const rows = await queryRows(
    db,
    sql`with recent as (
          select a.id, a.action, a.entity_type, a.created_at, a.actor_id, a.actor_label,
                 case when a.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then a.entity_id::uuid end as entity
          from audit_log a
          where a.entity_type in (${ENTITIES})
          order by a.created_at desc, a.id desc
          limit ${limit}
        )
        select r.id, r.action, r.entity_type,
               to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
               u.name as actor_name, r.actor_label,
               coalesce(i.number, p.number, rp.number, cn.number, dp.number) as subject,
               coalesce(i.total, p.amount, rf.amount, cn.total, d.amount)::text as amount,
               coalesce(i.currency, p.currency, rf.currency, cn.currency, d.currency) as currency,
               case r.entity_type
                 when 'invoice' then case when i.deleted_at is null then '/invoices/' || i.id end
                 when 'payment' then '/payments/' || p.id
                 when 'refund' then '/payments/' || rf.payment_id
                 when 'credit_note' then '/invoices/' || cn.invoice_id
                 when 'dispute' then '/disputes/' || d.id
               end as href
        from recent r
        left join users u on u.id = r.actor_id
        left join invoices i on r.entity_type = 'invoice' and i.id = r.entity
        left join payments p on r.entity_type = 'payment' and p.id = r.entity
        left join refunds rf on r.entity_type = 'refund' and rf.id = r.entity
        left join payments rp on rp.id = rf.payment_id
        left join credit_notes cn on r.entity_type = 'credit_note' and cn.id = r.entity
        left join disputes d on r.entity_type = 'dispute' and d.id = r.entity
        left join payments dp on dp.id = d.payment_id
        order by r.created_at desc, r.id desc`,
  );
  return rows.map((row) => {
    const action = str(row.action);
    const currency = row.currency === null ? null : str(row.currency);
    return {
      id: str(row.id),
      at: new Date(str(row.at)),
      action,
      summary: activitySummary(action),
      subject: row.subject === null ? null : str(row.subject),
      amount: currency !== null && row.amount !== null ? { minor: minorCell(row.amount), currency } : null,
      actorName: actorNameOf(row.actor_name === null ? null : str(row.actor_name), row.actor_label === null ? null : str(row.actor_label)),
      href: row.href === null ? null : str(row.href),
    };
  });
}
