/** "INV-2026-00042.pdf"; a draft has no number yet, so it is named by the start of its id. */
export function pdfFilename(document: { id: string; number: string | null }): string {
  const base = document.number ?? `draft-${document.id.slice(0, 8)}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, "-")}.pdf`;
}

/** The PDF as a download (or shown in the browser for a preview); never cached by a proxy. */
export function pdfResponse(bytes: Uint8Array, filename: string, inline: boolean): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${filename}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The same answer for "no such document" and "not yours": a 404 never says which. */
export function pdfNotFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}
