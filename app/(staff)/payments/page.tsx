import { pendingPage } from "@/components/shell/pending-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Payments" };

export default pendingPage({
  title: "Payments",
  permission: "payments.read",
  description: "Card, PayPal and manual payments, refunds and disputes arrive with online payments.",
});
