"use client";

import Image from "next/image";
import { ImageIcon, Trash2, Upload } from "lucide-react";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES } from "@/lib/settings/logo";
import { removeLogoAction, uploadLogoAction } from "./actions";

interface Props {
  /** null when there is no logo; changes whenever the logo does, so the preview is never stale */
  logoVersion: string | null;
  canUpload: boolean;
}

export function LogoForm({ logoVersion, canUpload }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("logo");
    // a quick answer for the obvious cases; the server checks the real bytes either way
    if (!(file instanceof File) || file.size === 0) return setError("Choose an image file to upload.");
    if (file.size > LOGO_MAX_BYTES) return setError("The logo must be smaller than 1 MB.");
    startTransition(async () => {
      const result = await uploadLogoAction(data);
      if (!result.ok) {
        setError(result.fieldErrors?.logo?.[0] ?? result.error);
        return;
      }
      setError(null);
      formRef.current?.reset();
      toast.success("Logo updated.");
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await removeLogoAction({});
      if (result.ok) toast.success("Logo removed.");
      else toast.error(result.error);
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Logo</CardTitle>
        <CardDescription>PNG, JPEG or SVG, smaller than 1 MB. Shown on invoices and emails.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-start gap-6">
        <div className="flex h-20 w-40 items-center justify-center rounded-md border bg-muted/40 p-2">
          {logoVersion ? (
            <Image src={`/api/company-logo?v=${encodeURIComponent(logoVersion)}`} alt="Company logo" width={144} height={64} unoptimized className="max-h-16 w-auto object-contain" />
          ) : (
            <ImageIcon className="size-6 text-muted-foreground" aria-label="No logo yet" />
          )}
        </div>
        <form ref={formRef} onSubmit={upload} className="grid flex-1 gap-2" noValidate>
          <Label htmlFor="logo">Upload a new logo</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id="logo"
              name="logo"
              type="file"
              accept={LOGO_MIME_TYPES.join(",")}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "logo-error" : undefined}
              className="max-w-xs"
              disabled={!canUpload}
            />
            <Button type="submit" variant="secondary" disabled={pending || !canUpload}>
              <Upload />
              {pending ? "Uploading…" : "Upload"}
            </Button>
            {logoVersion ? (
              <AlertDialog>
                <AlertDialogTrigger asChild>
                  <Button type="button" variant="ghost" disabled={pending}>
                    <Trash2 />
                    Remove logo
                  </Button>
                </AlertDialogTrigger>
                <AlertDialogContent>
                  <AlertDialogHeader>
                    <AlertDialogTitle>Remove the logo?</AlertDialogTitle>
                    <AlertDialogDescription>Invoices and emails will show the company name instead.</AlertDialogDescription>
                  </AlertDialogHeader>
                  <AlertDialogFooter>
                    <AlertDialogCancel>Cancel</AlertDialogCancel>
                    <AlertDialogAction onClick={remove}>Remove</AlertDialogAction>
                  </AlertDialogFooter>
                </AlertDialogContent>
              </AlertDialog>
            ) : null}
          </div>
          {!canUpload ? <p className="text-sm text-muted-foreground">Save the company details first, then add the logo.</p> : null}
          {error ? (
            <p id="logo-error" data-testid="field-error" data-field="logo" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
