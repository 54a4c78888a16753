// Calendar dates (yyyy-mm-dd) read as written: the company calendar, never shifted by a zone.
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

export { formatDateTime } from "@/components/admin/format";
