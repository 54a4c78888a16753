import { CheckCircle2, Circle, FileText } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getSetupStatus } from "@/lib/dashboard/setup-status";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePermission("dashboard.view");
  const status = await getSetupStatus(await getDb());
  const admin = can(user.role, "settings.manage");
  const steps = [
    { done: status.companyDetailsComplete, label: "Company details: legal name, address and tax id", href: "/admin/settings" },
    { done: status.hasLogo, label: "Company logo for invoices", href: "/admin/settings" },
    { done: status.activeTaxRates > 0, label: `Tax rates (${status.activeTaxRates} active)`, href: "/admin/tax-rates" },
    { done: status.financeUsers > 0, label: `Finance team (${status.financeUsers} active)`, href: "/admin/users" },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description={status.companyName ?? "Your company"} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Set-up</CardTitle>
            <CardDescription>What the company needs before its first invoice.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="space-y-3" data-testid="setup-steps">
              {steps.map((step) => (
                <li key={step.label} className="flex items-center gap-3 text-sm">
                  {step.done ? <CheckCircle2 className="size-4 text-success" /> : <Circle className="size-4 text-muted-foreground" />}
                  {admin ? <Link href={step.href} className="hover:underline">{step.label}</Link> : step.label}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Email delivery</CardTitle>
            <CardDescription>
              {env().RESEND_API_KEY
                ? "Emails are sent through Resend."
                : "No email provider is configured: emails are kept in the outbox for an admin to read."}
            </CardDescription>
          </CardHeader>
          {admin ? (
            <CardContent>
              <Link href="/admin/outbox" className="text-sm font-medium text-primary hover:underline">
                Open the email outbox
              </Link>
            </CardContent>
          ) : null}
        </Card>
      </div>
      <Card>
        <EmptyState
          icon={<FileText />}
          title="No money figures yet"
          description="Revenue, outstanding and overdue amounts appear here from real invoices and payments once they exist."
        />
      </Card>
    </div>
  );
}
