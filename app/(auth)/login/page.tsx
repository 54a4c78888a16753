import { CheckCircle2, Info } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/account/login-redirect";
import { getCurrentUser, homeFor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));

  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl)) ?? undefined;
  const sessionEnded = first(params.reason) === "session-ended";
  const passwordSet = first(params.reset) === "1";

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>Sign in</h1>
        </CardTitle>
        <CardDescription>Use the email and password of your CleanPay account.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {passwordSet ? (
          <Alert data-testid="login-notice">
            <CheckCircle2 />
            <AlertDescription>Password set. Sign in with your new password.</AlertDescription>
          </Alert>
        ) : null}
        {sessionEnded ? (
          <Alert data-testid="login-notice">
            <Info />
            <AlertDescription>Your session has ended. Sign in again to continue.</AlertDescription>
          </Alert>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} />
      </CardContent>
    </Card>
  );
}
