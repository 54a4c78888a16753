"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { ROLES } from "@/lib/auth/permissions";
import { inviteUserSchema, ROLE_LABELS, type InviteUserInput } from "@/lib/users/schemas";
import { inviteUserAction } from "./actions";

const EMPTY: InviteUserInput = { name: "", email: "", role: "finance" };
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function InviteUserDialog() {
  const [open, setOpen] = useState(false);
  const form = useForm<InviteUserInput>({ resolver: zodResolver(inviteUserSchema), defaultValues: EMPTY });

  async function onSubmit() {
    const result = await inviteUserAction(form.getValues());
    const sent = applyActionResult(form, result);
    if (sent) {
      // the user exists either way; a failed send can be retried from the row's menu
      if (sent.emailStatus === "failed") toast.warning(`${form.getValues("email")} was added, but the email could not be sent. Re-send it from the list.`);
      else toast.success(`Invitation sent to ${form.getValues("email")}.`);
      form.reset(EMPTY);
      setOpen(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(EMPTY);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus />
          Invite user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a user</DialogTitle>
          <DialogDescription>They get an email with a link to set their password. The link works once, for 7 days.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
            <FormError message={form.formState.errors.root?.message} />
            <TextField control={form.control} name="name" label="Name" autoFocus autoComplete="off" />
            <TextField control={form.control} name="email" label="Email" type="email" autoComplete="off" />
            <SelectField control={form.control} name="role" label="Role" options={ROLE_OPTIONS} />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Sending…" : "Send invitation"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
