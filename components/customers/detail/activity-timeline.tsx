import { History } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ActivityList } from "@/components/ui/activity-list";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActivityPage } from "@/lib/customers/activity";

interface Props {
  page: ActivityPage;
  /** The page's own path, for the paging links. */
  basePath: string;
  /** True when this page is not the newest one. */
  paged: boolean;
}

/** Newest first; older events load a page at a time through ?before= (a cursor on the audit log). */
export function ActivityTimeline({ page, basePath, paged }: Props) {
  if (page.items.length === 0) {
    return (
      <Card>
        <EmptyState icon={<History />} title="No activity yet" description="Changes to this customer, its notes and payment methods show up here." />
      </Card>
    );
  }
  return (
    <Card className="py-4">
      <CardContent className="space-y-4 px-4">
        <ActivityList items={page.items} testId="activity-timeline" />
        <div className="flex gap-2">
          {paged ? (
            <Button variant="ghost" size="sm" asChild>
              <Link href={`${basePath}?tab=activity`} scroll={false}>
                Newest first
              </Link>
            </Button>
          ) : null}
          {page.nextBefore ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={`${basePath}?tab=activity&before=${page.nextBefore}`} scroll={false}>
                Show older
              </Link>
            </Button>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
