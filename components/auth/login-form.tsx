"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { loginAction } from "@/app/(auth)/login/actions";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { loginSchema, type LoginInput } from "@/lib/account/schemas";

type LoginOutput = z.output<typeof loginSchema>;

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm<LoginInput, unknown, LoginOutput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "", code: "", callbackUrl: callbackUrl ?? "" },
  });
  const error = form.formState.errors.root?.message;

  async function onSubmit(values: LoginOutput) {
    form.clearErrors("root");
    const result = await loginAction(values);
    if (!result.ok) {
      form.setError("root", { type: "server", message: result.error });
      for (const field of ["email", "password", "code"] as const) {
        const message = result.fieldErrors?.[field]?.[0];
        if (message) form.setError(field, { type: "server", message });
      }
      if (needsCode) form.setValue("code", "");
      return;
    }
    if ("needsCode" in result.data) {
      setNeedsCode(true);
      // the code field mounts on the next render
      setTimeout(() => form.setFocus("code"), 0);
      return;
    }
    router.replace(result.data.redirectTo);
    router.refresh();
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
        <FormError message={error} />
        <TextField
          control={form.control}
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          readOnly={needsCode}
        />
        <TextField
          control={form.control}
          name="password"
          label="Password"
          labelAction={
            <Link href="/forgot-password" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
              Forgot password?
            </Link>
          }
          type="password"
          autoComplete="current-password"
          readOnly={needsCode}
        />
        {needsCode ? (
          <TextField
            control={form.control}
            name="code"
            label="Authentication code"
            autoComplete="one-time-code"
            inputMode="text"
            placeholder="123456"
            description={<span data-testid="code-prompt">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</span>}
          />
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          {needsCode ? "Verify and sign in" : "Sign in"}
        </Button>
        {needsCode ? (
          <Button
            type="button"
            variant="ghost"
            className="w-full"
            onClick={() => {
              setNeedsCode(false);
              form.reset({ ...form.getValues(), password: "", code: "" });
            }}
          >
            Use another account
          </Button>
        ) : null}
      </form>
    </Form>
  );
}
