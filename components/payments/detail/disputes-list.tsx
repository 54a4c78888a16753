import Link from "next/link";
import { DisputeStatusBadge } from "@/components/disputes/status-badge";
import type { PaymentDetailDispute } from "@/lib/payments/detail";
import { formatMoney } from "@/lib/money";

/** Chargebacks on this payment, each linking to its case. */
export function PaymentDisputes({ disputes }: { disputes: PaymentDetailDispute[] }) {
  return (
    <ul className="space-y-2 text-sm" data-testid="payment-disputes">
      {disputes.map((dispute) => (
        <li key={dispute.id} className="flex flex-wrap items-center gap-2">
          <Link href={`/disputes/${dispute.id}`} className="font-medium hover:underline">
            {formatMoney(dispute.amount, dispute.currency)} · {dispute.reason.replaceAll("_", " ")}
          </Link>
          <DisputeStatusBadge status={dispute.status} />
        </li>
      ))}
    </ul>
  );
}
