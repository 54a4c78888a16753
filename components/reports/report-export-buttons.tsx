import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/** Plain links: the browser downloads the file the export route answers with. */
export function ReportExportButtons({ csvHref, pdfHref }: { csvHref: string; pdfHref: string }) {
  return (
    <>
      <a href={csvHref} className={buttonVariants({ variant: "outline" })} download data-testid="export-csv">
        <Download />
        CSV
      </a>
      <a href={pdfHref} className={buttonVariants({ variant: "outline" })} download data-testid="export-pdf">
        <Download />
        PDF
      </a>
    </>
  );
}
