import * as React from "react";
import Link from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { buttonVariants } from "@/components/ui/button";

type PaginationLinksProps = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  className?: string;
};

function PaginationLinks({ page, pageCount, hrefFor, className }: PaginationLinksProps) {
  const total = Math.max(1, pageCount);
  const current = Math.min(Math.max(1, page), total);
  const linkClass = buttonVariants({ variant: "outline", size: "sm" });
  const disabledClass = cn(linkClass, "pointer-events-none opacity-50");

  return (
    <nav
      aria-label="Pagination"
      data-slot="pagination-links"
      className={cn("flex items-center justify-between gap-4 py-2", className)}
    >
      <p className="text-sm text-muted-foreground">
        Page {current} of {total}
      </p>
      <div className="flex items-center gap-2">
        {current > 1 ? (
          <Link href={hrefFor(current - 1)} rel="prev" className={linkClass}>
            <ChevronLeftIcon />
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            <ChevronLeftIcon />
            Previous
          </span>
        )}
        {current < total ? (
          <Link href={hrefFor(current + 1)} rel="next" className={linkClass}>
            Next
            <ChevronRightIcon />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Next
            <ChevronRightIcon />
          </span>
        )}
      </div>
    </nav>
  );
}

export { PaginationLinks, type PaginationLinksProps };
