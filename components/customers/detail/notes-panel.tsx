"use client";

import { MessageSquare, Pencil, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { addNoteAction, deleteNoteAction, editNoteAction } from "@/app/(staff)/customers/[id]/note-actions";
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
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NoteEditor } from "./note-editor";

export interface NoteItem {
  id: string;
  body: string;
  authorName: string;
  /** Formatted on the server, so every reader sees the same time. */
  when: string;
  edited: boolean;
  /** The author, or an admin (lib checks again). */
  canChange: boolean;
}

function Note({ customerId, note }: { customerId: string; note: NoteItem }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deleteNoteAction({ customerId, noteId: note.id });
      if (result.ok) toast.success("Note deleted.");
      else toast.error(result.error);
    });
  }

  return (
    <li className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="customer-note">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm">
          <span className="font-medium">{note.authorName}</span>
          <span className="text-muted-foreground">
            {" "}
            · {note.when}
            {note.edited ? " · edited" : ""}
          </span>
        </p>
        {note.canChange && !editing ? (
          <div className="flex gap-1">
            <Button variant="ghost" size="icon-sm" aria-label="Edit note" onClick={() => setEditing(true)} disabled={pending}>
              <Pencil />
            </Button>
            <Button variant="ghost" size="icon-sm" aria-label="Delete note" onClick={() => setConfirming(true)} disabled={pending}>
              <Trash2 />
            </Button>
          </div>
        ) : null}
      </div>
      {editing ? (
        <NoteEditor
          label="Edit note"
          initial={note.body}
          submitLabel="Save note"
          successMessage="Note saved."
          autoFocus
          save={(body) => editNoteAction({ customerId, noteId: note.id, body })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="text-sm whitespace-pre-wrap">{note.body}</p>
      )}
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete this note?</AlertDialogTitle>
            <AlertDialogDescription>It disappears from the customer page. The audit log keeps a record.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={remove}>
              Delete
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}

export function NotesPanel({ customerId, notes, canAdd }: { customerId: string; notes: NoteItem[]; canAdd: boolean }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <Card className="py-4">
        <CardContent className="px-4">
          {notes.length ? (
            <ul className="divide-y">
              {notes.map((note) => (
                <Note key={note.id} customerId={customerId} note={note} />
              ))}
            </ul>
          ) : (
            <EmptyState icon={<MessageSquare />} title="No notes yet" description="Calls, promises to pay, anything your colleagues should know." />
          )}
        </CardContent>
      </Card>
      {canAdd ? (
        <Card className="h-fit py-4">
          <CardContent className="px-4">
            <NoteEditor label="New note" submitLabel="Add note" successMessage="Note added." save={(body) => addNoteAction({ customerId, body })} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
