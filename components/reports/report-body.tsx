import { FileSearch, TriangleAlert } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { plotGroups } from "@/lib/reports/format";
import type { ReportResult } from "@/lib/reports/types";
import { ReportChart } from "./report-chart";
import { ReportTable } from "./report-table";

/** The chart (when the report has one) and the table, or why there is nothing to show (`emptyText`). */
export function ReportBody({ result, refusal, emptyText }: { result: ReportResult | null; refusal: string | null; emptyText: string }) {
  if (!result) {
    return (
      <Card className="py-0">
        <EmptyState icon={<TriangleAlert />} title="This report needs another filter" description={refusal} data-testid="report-refusal" />
      </Card>
    );
  }
  if (result.rows.length === 0) {
    return (
      <Card className="py-0">
        <EmptyState icon={<FileSearch />} title="Nothing to report" description={emptyText} data-testid="report-empty" />
      </Card>
    );
  }
  const groups = result.chart ? plotGroups(result.chart) : [];
  return (
    <>
      {result.chart && groups.some((group) => group.points.length > 0) ? (
        <Card>
          <CardContent>
            <ReportChart kind={result.chart.kind} xKey={result.chart.xKey} groups={groups} />
          </CardContent>
        </Card>
      ) : null}
      <Card className="py-0">
        <ReportTable columns={result.columns} rows={result.rows} totals={result.totals} />
      </Card>
    </>
  );
}
