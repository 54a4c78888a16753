// Server-rendered timestamps in one fixed zone, so every admin reads the same time.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${dateTime.format(value)} UTC` : "—";
}
