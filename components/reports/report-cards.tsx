import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The /reports index: one card per report, each a link to it. */
export function ReportCards({ reports }: { reports: readonly { id: string; title: string; description: string }[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {reports.map((report) => (
        <li key={report.id}>
          <Link href={`/reports/${report.id}`} className="group block h-full rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none" data-testid="report-card">
            <Card className="h-full transition-colors group-hover:bg-muted/50">
              <CardHeader>
                <CardTitle className="flex items-center justify-between gap-2">
                  {report.title}
                  <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
                </CardTitle>
                <CardDescription>{report.description}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}
