/**
 * Asks the server for one zip with the PDFs of these invoices and hands it to the browser as a
 * download. Resolves with the counts the server reports; throws with its message on a refusal.
 */
export async function downloadInvoicesZip(ids: readonly string[]): Promise<{ included: number; failed: number }> {
  const response = await fetch("/api/invoices/zip", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ids }),
  });
  if (!response.ok) throw new Error((await response.text()) || "The PDFs could not be downloaded.");
  const filename = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "invoices.zip";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // the click has started the download; give the browser a moment before freeing the blob
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { included: Number(response.headers.get("X-Invoices-Included") ?? ids.length), failed: Number(response.headers.get("X-Invoices-Failed") ?? 0) };
}
