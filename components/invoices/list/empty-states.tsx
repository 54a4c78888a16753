import { FilePlus, FileText } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** No invoices at all: invite creating the first (for those who may). */
export function NoInvoicesYet({ canWrite }: { canWrite: boolean }) {
  return (
    <EmptyState
      data-testid="invoices-empty"
      icon={<FileText />}
      title="No invoices yet"
      description={canWrite ? "Create your first invoice: pick a customer, add lines, and finalize it when it is right." : "Invoices appear here once someone from finance creates them."}
    >
      {canWrite ? (
        <Link href="/invoices/new" className={buttonVariants()}>
          <FilePlus />
          Create your first invoice
        </Link>
      ) : null}
    </EmptyState>
  );
}
