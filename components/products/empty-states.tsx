import { Package } from "lucide-react";
import type { ReactNode } from "react";
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
