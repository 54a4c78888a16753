import { pendingPage } from "@/components/shell/pending-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reports" };

export default pendingPage({
  title: "Reports",
  permission: "reports.view",
  description: "AR aging, revenue, payments and tax reports arrive once there are invoices and payments to report on.",
});
