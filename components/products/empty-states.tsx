import { Package, SearchX } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** The catalog is empty: invite adding the first product (for those who may). */
export function NoProductsYet({ newButton }: { newButton?: ReactNode }) {
  return (
    <EmptyState
      data-testid="products-empty"
      icon={<Package />}
      title="No products yet"
      description={newButton ? "Add your first product or service, and pick it on invoice lines instead of typing it each time." : "Products appear here once someone from finance adds them."}
    >
      {newButton}
    </EmptyState>
  );
}

/** Products exist, but none in this view. */
export function NoMatchingProducts({ clearHref }: { clearHref: string }) {
  return (
    <EmptyState data-testid="products-no-match" icon={<SearchX />} title="No products match these filters" description="Try another search, or widen the filters.">
      <Link href={clearHref} className={buttonVariants({ variant: "outline" })}>
        Clear filters
      </Link>
    </EmptyState>
  );
}
