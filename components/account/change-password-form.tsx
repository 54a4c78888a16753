"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changePasswordAction } from "@/app/(staff)/account/security/actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/account/schemas";

type ChangePasswordOutput = z.output<typeof changePasswordSchema>;

export function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput, unknown, ChangePasswordOutput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
  });

  async function onSubmit(values: ChangePasswordOutput) {
    const result = await changePasswordAction(values);
    applyActionResult(form, result, "Password changed. Other devices have been signed out.");
    if (result.ok) form.reset();
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-md space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        <TextField control={form.control} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
        <TextField
          control={form.control}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          description="At least 10 characters."
        />
        <TextField control={form.control} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          Change password
        </Button>
      </form>
    </Form>
  );
}
