"use client";

import { Download, Eye } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** Download the PDF, or look at it in a dialog first (the same route, shown inline). */
export function PdfButtons({ invoiceId, label }: { invoiceId: string; label: string }) {
  const href = `/api/invoices/${invoiceId}/pdf`;
  return (
    <>
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="outline" data-testid="preview-pdf">
            <Eye />
            Preview
          </Button>
        </DialogTrigger>
        <DialogContent className="flex h-[90vh] flex-col sm:max-w-4xl">
          <DialogHeader>
            <DialogTitle>{label}</DialogTitle>
            <DialogDescription>The PDF as the customer receives it.</DialogDescription>
          </DialogHeader>
          <iframe src={`${href}?inline=1`} title={`PDF of ${label}`} className="min-h-0 w-full flex-1 rounded-md border bg-muted" data-testid="pdf-preview" />
        </DialogContent>
      </Dialog>
      <Button variant="outline" asChild>
        {/* a plain link: the route answers with Content-Disposition: attachment */}
        <a href={href} download data-testid="download-pdf">
          <Download />
          PDF
        </a>
      </Button>
    </>
  );
}
