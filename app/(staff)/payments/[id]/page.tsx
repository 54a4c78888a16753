import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaymentAllocationsTable } from "@/components/payments/detail/allocations-table";
import { PaymentDisputes } from "@/components/payments/detail/disputes-list";
import { PaymentFacts } from "@/components/payments/detail/facts";
import { PaymentHeader } from "@/components/payments/detail/header";
import { RefundDialog } from "@/components/payments/detail/refund-dialog";
import { RefundsTable } from "@/components/payments/detail/refunds-table";
import { ActivityList } from "@/components/ui/activity-list";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getPaymentDetail } from "@/lib/payments/detail";
import { SectionCard } from "@/components/ui/section-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payment" };

export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("payments.read");
  const { id } = await params;
  const db = await getDb();
  const detail = await getPaymentDetail(db, id);
  if (!detail) notFound();

  const { payment } = detail;
  const canRefund = can(user.role, "payments.refund");
  const refund =
    canRefund && detail.refundable > 0n ? (
      <RefundDialog payment={{ id: payment.id, number: payment.number, currency: payment.currency, gateway: payment.gateway }} refundable={detail.refundable} />
    ) : null;

  return (
    <div className="space-y-6">
      <PaymentHeader detail={detail} actions={refund} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <SectionCard title="Applied to">
            <PaymentAllocationsTable rows={detail.allocations} currency={payment.currency} unallocated={detail.unallocated} />
          </SectionCard>
          <SectionCard title="Refunds" testId="refunds-card">
            <RefundsTable paymentId={payment.id} refunds={detail.refunds} canRefund={canRefund} />
          </SectionCard>
          {detail.disputes.length ? (
            <SectionCard title="Disputes">
              <PaymentDisputes disputes={detail.disputes} />
            </SectionCard>
          ) : null}
        </div>
        <aside className="space-y-6">
          <Card className="py-4">
            <CardContent className="px-4">
              <PaymentFacts detail={detail} />
            </CardContent>
          </Card>
          <SectionCard title="Timeline">
            <ActivityList items={detail.timeline} testId="payment-timeline" />
          </SectionCard>
        </aside>
      </div>
    </div>
  );
}
