import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { getSecurityOverview } from "@/lib/account/security";
import { requireStaff } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Password and 2FA" };

export default async function SecurityPage() {
  const user = await requireStaff();
  const security = await getSecurityOverview(await getDb(), user.id);
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description="Your password and two-factor authentication." />
      <AccountNav current="/account/security" />
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs you out everywhere else; this browser stays signed in.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <TwoFactorCard enabled={security.totpEnabled} recoveryCodesLeft={security.recoveryCodesLeft} />
    </div>
  );
}
