import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { DisputesTable } from "@/components/disputes/disputes-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { listDisputes, parseDisputeFilter, type DisputeListFilter } from "@/lib/disputes/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Disputes" };

const VIEWS: { label: string; filter: DisputeListFilter }[] = [
  { label: "All", filter: undefined },
  { label: "Open", filter: "open" },
  { label: "Closed", filter: "closed" },
];

function hrefOf(filter: DisputeListFilter, page = 1): string {
  const query = new URLSearchParams();
  if (filter) query.set("status", filter);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/disputes?${text}` : "/disputes";
}

export default async function DisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("payments.read");
  const params = await searchParams;
  const filter = parseDisputeFilter(params.status);
  const page = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10);
  const db = await getDb();
  const list = await listDisputes(db, filter, Number.isFinite(page) && page > 0 ? page : 1);
  const now = new Date();

  return (
    <div className="space-y-6">
      <PageHeader title="Disputes" description="Chargebacks from Stripe: answer them with evidence before the deadline." />
      <nav aria-label="Dispute views" className="flex gap-2">
        {VIEWS.map((view) => (
          <Link key={view.label} href={hrefOf(view.filter)} className={buttonVariants({ variant: view.filter === filter ? "secondary" : "ghost", size: "sm" })} aria-current={view.filter === filter ? "page" : undefined}>
            {view.label}
          </Link>
        ))}
      </nav>
      <Card className="py-0">
        {list.rows.length === 0 ? (
          <EmptyState data-testid="disputes-empty" icon={<ShieldCheck />} title="No disputes here" description="When a customer disputes a card payment with their bank, Stripe tells us and the case appears here." />
        ) : (
          <DisputesTable rows={list.rows} now={now} />
        )}
      </Card>
      <PaginationLinks page={list.page} pageCount={list.pageCount} hrefFor={(next) => hrefOf(filter, next)} />
    </div>
  );
}
