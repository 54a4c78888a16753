"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { resetPasswordAction } from "@/app/(auth)/reset-password/[token]/actions";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/account/schemas";

type ResetPasswordOutput = z.output<typeof resetPasswordSchema>;

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const form = useForm<ResetPasswordInput, unknown, ResetPasswordOutput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
  });

  async function onSubmit(values: ResetPasswordOutput) {
    const result = await resetPasswordAction(values);
    if (!result.ok) {
      let placed = false;
      for (const field of ["password", "confirmPassword"] as const) {
        const message = result.fieldErrors?.[field]?.[0];
        if (message) {
          form.setError(field, { type: "server", message });
          placed = true;
        }
      }
      if (!placed) form.setError("root", { type: "server", message: result.error });
      return;
    }
    router.replace(result.data.redirectTo);
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        {/* lets password managers file the new password under the right account */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          control={form.control}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          autoFocus
          description="At least 10 characters."
        />
        <TextField control={form.control} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          Save password
        </Button>
      </form>
    </Form>
  );
}
