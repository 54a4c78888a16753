import type { ImportRow } from "@/lib/customers/import/run-batch";

const WORDS = ["Acme", "Baobab", "Cedar", "Delta", "Equator", "Falcon", "Granite", "Harbor", "Indigo", "Jade", "Kilima", "Lakeside", "Meridian", "Nile", "Orchid", "Pioneer", "Quartz", "Savanna", "Tusker", "Umoja"];
const KINDS = ["Trading", "Logistics", "Foods", "Holdings", "Traders", "Supplies", "Ventures", "Motors", "Pharma", "Textiles"];
const SUFFIXES = ["Ltd", "LLC", "GmbH", "PLC", "Inc"];
const PLACES: { country: string; city: string; currency: string; phone: (n: number) => string }[] = [
  { country: "KE", city: "Nairobi", currency: "KES", phone: (n) => `07${String(10_000_000 + (n % 90_000_000)).padStart(8, "0")}` },
  { country: "DE", city: "Berlin", currency: "EUR", phone: (n) => `+49 30 ${String(1_000_000 + (n % 8_999_999))}` },
  { country: "GB", city: "London", currency: "GBP", phone: (n) => `+44 20 7946 ${String(n % 1000).padStart(4, "0")}` },
  { country: "US", city: "New York", currency: "USD", phone: (n) => `+1 212 736 ${String(1000 + (n % 9000))}` },
];
const TAGS = ["vip", "wholesale", "retail", "export", "net-60", "key account"];

/** A small deterministic generator (mulberry32), so every run imports the same file. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` realistic CSV rows (after column mapping), all distinct by email and tax id. */
export function generateRows(count: number, prefix: string, seed = 42): ImportRow[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const place = pick(PLACES);
    const company = `${pick(WORDS)} ${pick(KINDS)} ${i} ${pick(SUFFIXES)}`;
    const values: ImportRow["values"] = {
      company_name: company,
      first_name: pick(["Amina", "Brian", "Chen", "Dora", "Emeka", "Fatma"]),
      last_name: pick(["Otieno", "Schmidt", "Patel", "Smith", "Wanjiru", "Garcia"]),
      email: `billing-${prefix}-${i}@example.test`,
      phone: place.phone(i * 7919),
      billing_street: `${1 + (i % 400)} Market Street`,
      billing_city: place.city,
      billing_postal_code: String(10_000 + (i % 89_999)),
      billing_country: place.country,
      currency: place.currency,
      payment_terms: pick(["0", "7", "15", "30", "60", ""]),
      credit_limit: next() < 0.5 ? "" : `${Math.floor(next() * 100_000)}.00`,
      tags: next() < 0.6 ? [pick(TAGS), pick(TAGS)].join(", ") : "",
      tax_id: next() < 0.5 ? `P${prefix.toUpperCase()}${String(i).padStart(7, "0")}` : "",
      website: next() < 0.3 ? `${company.split(" ")[0]!.toLowerCase()}${i}.example` : "",
      notes: next() < 0.1 ? "Imported from the old billing system; prefers invoices by email." : "",
    };
    return { rowNumber: i + 2, values };
  });
}
