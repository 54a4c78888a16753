"use client";

import { Download, Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendCreditNoteAction } from "@/app/(staff)/invoices/[id]/credit-note-actions";
import { Button } from "@/components/ui/button";

interface Props {
  invoiceId: string;
  creditNote: { id: string; number: string };
  canEmail: boolean;
}

/** A credit note row's PDF download and, for staff who may, emailing it to the customer. */
export function CreditNoteRowActions({ invoiceId, creditNote, canEmail }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function email() {
    startTransition(async () => {
      const result = await sendCreditNoteAction({ creditNoteId: creditNote.id, invoiceId });
      if (!result.ok) toast.error(result.error);
      // queued but not delivered: it stays in the outbox as failed, where it can be retried
      else if (result.data.status === "failed") toast.error(`Credit note ${creditNote.number} could not be delivered; see the outbox.`);
      else toast.success(`Credit note ${creditNote.number} emailed.`);
      router.refresh();
    });
  }

  return (
    <div className="flex justify-end gap-1">
      <Button variant="ghost" size="sm" asChild>
        {/* a plain link: the route answers with Content-Disposition: attachment */}
        <a href={`/api/credit-notes/${creditNote.id}/pdf`} download data-testid="credit-note-pdf">
          <Download />
          PDF
        </a>
      </Button>
      {canEmail ? (
        <Button variant="ghost" size="sm" onClick={email} disabled={pending} data-testid="email-credit-note">
          <Mail />
          {pending ? "Sending…" : "Email"}
        </Button>
      ) : null}
    </div>
  );
}
