import { agingReport } from "./aging";
import type { RegisteredReport } from "./controls";
import { failedPaymentsReport } from "./failed-payments";
import { paymentsReport } from "./payments";
import { refundsReport } from "./refunds";
import { revenueReport } from "./revenue";
import { statementReport } from "./statement";
import { taxReport } from "./tax";

export { reportControls, type RegisteredReport, type ReportControl } from "./controls";

/** Every report, in the order the /reports index lists them. */
export const REPORTS: readonly RegisteredReport[] = [agingReport, revenueReport, paymentsReport, refundsReport, failedPaymentsReport, taxReport, statementReport];

/** The report with this URL slug, or undefined. */
export function findReport(id: string): RegisteredReport | undefined {
  return REPORTS.find((report) => report.id === id);
}
