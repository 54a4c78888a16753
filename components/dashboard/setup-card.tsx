import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SetupStatus } from "@/lib/dashboard/setup-status";

/** How far the company's set-up has come; steps link to their admin page for those who can edit it. */
export function SetupCard({ status, admin }: { status: SetupStatus; admin: boolean }) {
  const steps = [
    { done: status.companyDetailsComplete, label: "Company details: legal name, address and tax id", href: "/admin/settings" },
    { done: status.hasLogo, label: "Company logo for invoices", href: "/admin/settings" },
    { done: status.activeTaxRates > 0, label: `Tax rates (${status.activeTaxRates} active)`, href: "/admin/tax-rates" },
    { done: status.financeUsers > 0, label: `Finance team (${status.financeUsers} active)`, href: "/admin/users" },
  ];
  return (
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
              {admin ? (
                <Link href={step.href} className="hover:underline">
                  {step.label}
                </Link>
              ) : (
                step.label
              )}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
