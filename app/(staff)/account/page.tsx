import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { ProfileForm } from "@/components/account/profile-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile" };

export default async function AccountPage() {
  const user = await requireStaff();
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description="Your name and the email you sign in with." />
      <AccountNav current="/account" />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>How you appear to your colleagues in CleanPay and in the audit log.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm defaults={{ name: user.name, email: user.email }} />
        </CardContent>
      </Card>
    </div>
  );
}
