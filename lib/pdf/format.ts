import { formatPercent } from "@/lib/tax-rates/percent";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const regionNames = new Intl.DisplayNames("en", { type: "region" });

/** "2026-03-15" → "Mar 15, 2026": a calendar date, so no time zone can move it. */
export function formatPdfDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "KE" → "Kenya"; anything that is not a two-letter code is printed as typed. */
export function countryName(country: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  try {
    return regionNames.of(country) ?? country;
  } catch {
    return country;
  }
}

export type PostalAddress = {
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
};

/** Printable address lines: each street line, then "City, Region 00100", then the country. */
export function addressLines(address: PostalAddress): string[] {
  const streets = (address.street ?? "").split(/\r?\n/).map((line) => line.trim());
  const locality = [[address.city, address.region].filter(Boolean).join(", "), address.postalCode ?? ""].filter(Boolean).join(" ");
  return [...streets, locality, address.country ? countryName(address.country) : ""].filter((line) => line.length > 0);
}

/** A tax as labelled on the document: "VAT 16%". */
export function taxLabel(tax: { name: string; percent: string }): string {
  return `${tax.name} ${formatPercent(tax.percent)}%`;
}
