import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** A list has records, but none in this view: say so and offer the way back to all of them. */
export function NoFilterMatches({ things, clearHref, testId }: { things: string; clearHref: string; testId: string }) {
  return (
    <EmptyState data-testid={testId} icon={<SearchX />} title={`No ${things} match these filters`} description="Try another search, or widen the filters.">
      <Link href={clearHref} className={buttonVariants({ variant: "outline" })}>
        Clear filters
      </Link>
    </EmptyState>
  );
}
