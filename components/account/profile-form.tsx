"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateProfileAction } from "@/app/(staff)/account/actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { profileSchema, type ProfileInput } from "@/lib/account/schemas";

type ProfileOutput = z.output<typeof profileSchema>;

export function ProfileForm({ defaults }: { defaults: ProfileInput }) {
  const router = useRouter();
  const form = useForm<ProfileInput, unknown, ProfileOutput>({ resolver: zodResolver(profileSchema), defaultValues: defaults });

  async function onSubmit(values: ProfileOutput) {
    const result = await updateProfileAction(values);
    applyActionResult(form, result, "Profile saved.");
    if (!result.ok) return;
    form.reset(values);
    router.refresh();
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-md space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        <TextField control={form.control} name="name" label="Name" autoComplete="name" autoFocus />
        <TextField control={form.control} name="email" label="Email" type="email" autoComplete="email" />
        <Button type="submit" disabled={pending || !form.formState.isDirty}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          Save profile
        </Button>
      </form>
    </Form>
  );
}
