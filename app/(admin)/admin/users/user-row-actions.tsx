"use client";

import { MoreHorizontal } from "lucide-react";
import { useState, useTransition } from "react";
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
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { Role } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import type { UserStatus } from "@/lib/users/schemas";
import { deactivateUserAction, reactivateUserAction, resendInvitationAction, unlockUserAction } from "./actions";
import { ChangeRoleDialog } from "./change-role-dialog";

interface Props {
  user: { id: string; name: string; email: string; role: Role; status: UserStatus };
  isSelf: boolean;
}

export function UserRowActions({ user, isSelf }: Props) {
  const [dialog, setDialog] = useState<"role" | "deactivate" | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult<unknown>>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
    });
  }

  function resend() {
    startTransition(async () => {
      const result = await resendInvitationAction({ userId: user.id });
      if (!result.ok) toast.error(result.error);
      else if (result.data.emailStatus === "failed") toast.warning(`The email to ${user.email} could not be sent. Try again later.`);
      else toast.success(`New invitation sent to ${user.email}.`);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" disabled={pending} aria-label={`Actions for ${user.name}`}>
            <MoreHorizontal />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setDialog("role")}>Change role…</DropdownMenuItem>
          {user.status === "invited" ? (
            <DropdownMenuItem onSelect={resend}>
              Re-send invitation
            </DropdownMenuItem>
          ) : null}
          {user.status === "locked" ? (
            <DropdownMenuItem onSelect={() => run(() => unlockUserAction({ userId: user.id }), `${user.name} can sign in again.`)}>
              Unlock
            </DropdownMenuItem>
          ) : null}
          {user.status === "deactivated" ? (
            <DropdownMenuItem onSelect={() => run(() => reactivateUserAction({ userId: user.id }), `${user.name} is active again.`)}>
              Reactivate
            </DropdownMenuItem>
          ) : isSelf ? null : (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setDialog("deactivate")}>
                Deactivate…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>

      {/* mounted only while open, so it starts from the user's current role each time */}
      {dialog === "role" ? <ChangeRoleDialog user={user} isSelf={isSelf} open onOpenChange={(open) => setDialog(open ? "role" : null)} /> : null}

      <AlertDialog open={dialog === "deactivate"} onOpenChange={(open) => setDialog(open ? "deactivate" : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Deactivate {user.name}?</AlertDialogTitle>
            <AlertDialogDescription>
              They are signed out at once and cannot sign in until an admin reactivates them. Their history stays.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              className="bg-destructive text-white hover:bg-destructive/90"
              onClick={() => run(() => deactivateUserAction({ userId: user.id }), `${user.name} is deactivated.`)}
            >
              Deactivate
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
