import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/admin/format";
import { EvidenceDue } from "@/components/disputes/disputes-table";
import { DisputeEvidenceForm } from "@/components/disputes/evidence-form";
import { DisputeNoteForm } from "@/components/disputes/note-form";
import { DisputeStatusBadge } from "@/components/disputes/status-badge";
import { ActivityList } from "@/components/ui/activity-list";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDisputeDetail } from "@/lib/disputes/queries";
import { awaitsEvidence } from "@/lib/disputes/status";
import { formatMoney } from "@/lib/money";
import { SectionCard } from "@/components/ui/section-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dispute" };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("payments.read");
  const { id } = await params;
  const db = await getDb();
  const detail = await getDisputeDetail(db, id);
  if (!detail) notFound();

  const { dispute, payment, customer } = detail;
  const canWrite = can(user.role, "payments.write");
  const takesEvidence = canWrite && dispute.gateway === "stripe" && !dispute.evidenceSubmittedAt && awaitsEvidence(dispute.status);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Dispute of {formatMoney(dispute.amount, dispute.currency)}</h1>
          <DisputeStatusBadge status={dispute.status} />
        </div>
        <p className="text-sm text-muted-foreground">
          <Link href={`/customers/${customer.id}`} className="font-medium text-foreground hover:underline">
            {customer.displayName}
          </Link>
          {" · payment "}
          <Link href={`/payments/${payment.id}`} className="font-mono text-foreground hover:underline" data-testid="dispute-payment">
            {payment.number}
          </Link>
          {payment.invoiceId ? (
            <>
              {" · invoice "}
              <Link href={`/invoices/${payment.invoiceId}`} className="font-mono text-foreground hover:underline">
                {payment.invoiceNumber ?? "draft"}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <SectionCard title="Evidence" testId="dispute-evidence-card">
            {takesEvidence ? (
              <DisputeEvidenceForm disputeId={dispute.id} initialText={dispute.evidenceText ?? ""} />
            ) : dispute.evidenceText ? (
              <p className="text-sm whitespace-pre-wrap" data-testid="dispute-evidence-text">
                {dispute.evidenceText}
              </p>
            ) : (
              <p className="text-sm text-muted-foreground">No evidence was written.</p>
            )}
            {dispute.evidenceSubmittedAt ? (
              <p className="mt-3 text-sm text-muted-foreground" data-testid="evidence-submitted">
                Submitted {formatDateTime(dispute.evidenceSubmittedAt)}
                {detail.submittedByName ? ` by ${detail.submittedByName}` : ""}
              </p>
            ) : null}
          </SectionCard>
          <SectionCard title="Notes">
            <div className="space-y-4">
              {canWrite ? <DisputeNoteForm disputeId={dispute.id} /> : null}
              {detail.notes.length === 0 ? (
                <p className="text-sm text-muted-foreground">No notes yet.</p>
              ) : (
                <ul className="space-y-3" data-testid="dispute-notes">
                  {detail.notes.map((note) => (
                    <li key={note.id} className="border-l-2 pl-3 text-sm">
                      <p className="whitespace-pre-wrap">{note.body}</p>
                      <p className="text-xs text-muted-foreground">
                        {note.authorName ?? "Someone"} · {formatDateTime(note.createdAt)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </SectionCard>
        </div>
        <aside className="space-y-6">
          <Card className="py-4">
            <CardContent className="px-4">
              <dl>
                <Fact label="Amount">{formatMoney(dispute.amount, dispute.currency)}</Fact>
                <Fact label="Reason">{dispute.reason.replaceAll("_", " ")}</Fact>
                <Fact label="Evidence due">
                  <EvidenceDue dispute={dispute} now={new Date()} />
                </Fact>
                <Fact label="Stripe id">
                  <code className="text-xs">{dispute.gatewayDisputeId}</code>
                </Fact>
                <Fact label="Opened">{formatDateTime(dispute.createdAt)}</Fact>
                {dispute.closedAt ? <Fact label="Closed">{formatDateTime(dispute.closedAt)}</Fact> : null}
                {dispute.lostRefundId ? <Fact label="Taken back">The amount came off the invoice it paid.</Fact> : null}
              </dl>
            </CardContent>
          </Card>
          <SectionCard title="Timeline">
            <ActivityList items={detail.timeline} testId="dispute-timeline" />
          </SectionCard>
        </aside>
      </div>
    </div>
  );
}
