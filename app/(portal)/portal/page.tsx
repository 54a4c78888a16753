import { FileText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Your invoices" };

export default async function PortalHomePage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {user.name}</h1>
        <p className="text-sm text-muted-foreground">Your invoices and payments will appear here.</p>
      </div>
      <EmptyState icon={<FileText />} title="No invoices yet" description="When an invoice is sent to you it shows up here, ready to view and pay." />
    </div>
  );
}
