"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2, MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/account/schemas";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput, unknown, z.output<typeof forgotPasswordSchema>>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
  });

  async function onSubmit(values: z.output<typeof forgotPasswordSchema>) {
    const result = await forgotPasswordAction(values);
    if (!result.ok) {
      const message = result.fieldErrors?.email?.[0];
      if (message) form.setError("email", { type: "server", message });
      else form.setError("root", { type: "server", message: result.error });
      return;
    }
    setSent(result.data.message);
  }

  if (sent) {
    return (
      <Alert data-testid="reset-requested">
        <MailCheck />
        <AlertDescription>{sent}</AlertDescription>
      </Alert>
    );
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        <TextField control={form.control} name="email" label="Email" type="email" autoComplete="email" autoFocus />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          Email me a link
        </Button>
      </form>
    </Form>
  );
}
