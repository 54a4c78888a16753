"use client";

import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Role } from "@/db/schema";
import { ROLES } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/users/schemas";
import { changeRoleAction } from "./actions";

interface Props {
  user: { id: string; name: string; role: Role };
  isSelf: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function ChangeRoleDialog({ user, isSelf, open, onOpenChange }: Props) {
  const [role, setRole] = useState<Role>(user.role);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await changeRoleAction({ userId: user.id, role });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success(`${user.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
      onOpenChange(false);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change role of {user.name}</DialogTitle>
          <DialogDescription>
            {isSelf
              ? "This is your own account: you will be signed out and get the new role's access when you sign in again."
              : "They are signed out everywhere and get the new role's access when they sign in again."}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={save} className="space-y-4">
          {error ? (
            <p data-testid="form-error" role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <div className="grid gap-2">
            <Label htmlFor={`role-${user.id}`}>Role</Label>
            <Select value={role} onValueChange={(value) => setRole(value as Role)}>
              <SelectTrigger id={`role-${user.id}`} className="w-full" autoFocus>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {ROLES.map((option) => (
                  <SelectItem key={option} value={option}>
                    {ROLE_LABELS[option]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending || role === user.role}>
              {pending ? "Saving…" : "Save role"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
