import { pendingPage } from "@/components/shell/pending-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invoices" };

export default pendingPage({
  title: "Invoices",
  permission: "invoices.read",
  description: "Invoices arrive after the customer book: editor, numbering, PDF, email and the public payment link.",
});
