"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  startTwoFactorAction,
} from "@/app/(staff)/account/security/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { RecoveryCodes } from "./recovery-codes";
import { CodeForm, DisableTwoFactorForm } from "./two-factor-forms";

interface Setup {
  secret: string;
  qrDataUrl: string;
}

/**
 * Off → Enable shows a QR code and the secret → a confirmed code turns it on and shows the
 * recovery codes once. On → disable (password) or regenerate recovery codes (authenticator code).
 */
export function TwoFactorCard({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const router = useRouter();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, startTransition] = useTransition();

  function start() {
    startTransition(async () => {
      const result = await startTwoFactorAction({});
      if (result.ok) setSetup(result.data);
      else toast.error(result.error);
    });
  }

  function showCodes(next: string[]) {
    setSetup(null);
    setCodes(next);
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Two-factor authentication</CardTitle>
        <CardDescription>A code from an authenticator app on your phone, asked for after your password.</CardDescription>
        <CardAction>
          {enabled ? <Badge variant="success">On</Badge> : <Badge variant="outline">Off</Badge>}
        </CardAction>
      </CardHeader>
      <CardContent className="space-y-6">
        {codes ? (
          <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
        ) : enabled ? (
          <>
            <div className="space-y-3">
              <h3 className="text-sm font-medium">Recovery codes</h3>
              <p className="text-sm text-muted-foreground" data-testid="recovery-codes-left">
                {recoveryCodesLeft} of 10 unused. Making new ones replaces all the old ones.
              </p>
              <CodeForm action={regenerateRecoveryCodesAction} submitLabel="Regenerate recovery codes" onCodes={showCodes} />
            </div>
            <Separator />
            <div className="space-y-3">
              <h3 className="text-sm font-medium">Turn off</h3>
              <DisableTwoFactorForm action={disableTwoFactorAction} onDone={() => router.refresh()} />
            </div>
          </>
        ) : setup ? (
          <div className="space-y-4">
            <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
              <li>Scan this QR code with your authenticator app, or type the key below into it.</li>
              <li>Enter the 6-digit code the app shows to finish.</li>
            </ol>
            {/* a data: URL made on the server; next/image has nothing to optimise here */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={setup.qrDataUrl} alt="QR code for your authenticator app" width={200} height={200} className="rounded-md border bg-white p-2" />
            <p className="text-sm">
              Key:{" "}
              <code data-testid="totp-secret" className="rounded bg-muted px-2 py-1 font-mono text-sm break-all">
                {setup.secret}
              </code>
            </p>
            <CodeForm action={confirmTwoFactorAction} submitLabel="Confirm" onCodes={showCodes} autoFocus />
            <Button type="button" variant="ghost" onClick={() => setSetup(null)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button type="button" onClick={start} disabled={starting}>
            {starting ? <Loader2 className="animate-spin" /> : null}
            Enable two-factor
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
