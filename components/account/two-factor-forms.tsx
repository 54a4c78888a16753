"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions";
import { confirmPasswordSchema, totpCodeSchema, type ConfirmPasswordInput, type TotpCodeInput } from "@/lib/account/schemas";

type CodeOutput = z.output<typeof totpCodeSchema>;
type PasswordOutput = z.output<typeof confirmPasswordSchema>;

/** One authenticator code, for confirming set-up or regenerating recovery codes. */
export function CodeForm({
  action,
  submitLabel,
  onCodes,
  autoFocus = false,
}: {
  action: (input: CodeOutput) => Promise<ActionResult<{ recoveryCodes: string[] }>>;
  submitLabel: string;
  onCodes: (codes: string[]) => void;
  autoFocus?: boolean;
}) {
  const form = useForm<TotpCodeInput, unknown, CodeOutput>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: "" } });

  async function onSubmit(values: CodeOutput) {
    const result = await action(values);
    const data = applyActionResult(form, result);
    if (data) onCodes(data.recoveryCodes);
    else form.setValue("code", "");
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="flex max-w-md flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <TextField
          control={form.control}
          name="code"
          label="Authentication code"
          itemClassName="flex-1"
          inputMode="numeric"
          autoComplete="one-time-code"
          placeholder="123456"
          maxLength={7}
          autoFocus={autoFocus}
        />
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          {submitLabel}
        </Button>
      </form>
    </Form>
  );
}

/** Turning two-factor off asks for the account password again. */
export function DisableTwoFactorForm({
  action,
  onDone,
}: {
  action: (input: PasswordOutput) => Promise<ActionResult<undefined>>;
  onDone: () => void;
}) {
  const form = useForm<ConfirmPasswordInput, unknown, PasswordOutput>({
    resolver: zodResolver(confirmPasswordSchema),
    defaultValues: { password: "" },
  });

  async function onSubmit(values: PasswordOutput) {
    const result = await action(values);
    applyActionResult(form, result, "Two-factor authentication is off.");
    if (result.ok) onDone();
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-md space-y-3" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        <TextField control={form.control} name="password" label="Current password" type="password" autoComplete="current-password" />
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          Disable two-factor
        </Button>
      </form>
    </Form>
  );
}
