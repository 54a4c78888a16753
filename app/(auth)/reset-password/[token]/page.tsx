import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { checkLinkToken, linkFailureMessage } from "@/lib/auth/link-tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // only looks: the link is spent when the form is submitted
  const link = await checkLinkToken(await getDb(), token);

  if (!link.ok) {
    return (
      <Card>
        <CardHeader>
          <CardTitle className="text-xl">
            <h1>This link can&apos;t be used</h1>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-muted-foreground" data-testid="link-error">
            {linkFailureMessage(link.reason)}
          </p>
          <Button asChild className="w-full">
            <Link href="/forgot-password">Get a new link</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  const invitation = link.purpose === "invitation";
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>{invitation ? "Set your password" : "Choose a new password"}</h1>
        </CardTitle>
        <CardDescription>
          {invitation ? `Welcome, ${link.name}. ` : ""}For {link.email}. Once saved, you sign in with it.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ResetPasswordForm token={token} email={link.email} />
      </CardContent>
    </Card>
  );
}
