import type { CustomerFormValues } from "@/lib/customers/schemas";

/**
 * The columns a customer CSV can carry: the export's column names (minus `number`, which we always
 * allocate ourselves), each tied to the field of the shared customer schema it fills.
 */
export const IMPORT_COLUMNS = [
  { column: "company_name", field: "companyName", label: "Company name" },
  { column: "first_name", field: "firstName", label: "First name" },
  { column: "last_name", field: "lastName", label: "Last name" },
  { column: "email", field: "email", label: "Email" },
  { column: "phone", field: "phone", label: "Phone" },
  { column: "secondary_email", field: "secondaryEmail", label: "Secondary email" },
  { column: "secondary_phone", field: "secondaryPhone", label: "Secondary phone" },
  { column: "billing_street", field: "billingStreet", label: "Billing street" },
  { column: "billing_city", field: "billingCity", label: "Billing city" },
  { column: "billing_region", field: "billingRegion", label: "Billing region" },
  { column: "billing_postal_code", field: "billingPostalCode", label: "Billing postal code" },
  { column: "billing_country", field: "billingCountry", label: "Billing country" },
  { column: "shipping_street", field: "shippingStreet", label: "Shipping street" },
  { column: "shipping_city", field: "shippingCity", label: "Shipping city" },
  { column: "shipping_region", field: "shippingRegion", label: "Shipping region" },
  { column: "shipping_postal_code", field: "shippingPostalCode", label: "Shipping postal code" },
  { column: "shipping_country", field: "shippingCountry", label: "Shipping country" },
  { column: "tax_id", field: "taxId", label: "Tax id" },
  { column: "industry", field: "industry", label: "Industry" },
  { column: "website", field: "website", label: "Website" },
  { column: "currency", field: "currency", label: "Currency" },
  { column: "payment_terms", field: "paymentTerms", label: "Payment terms (days)" },
  { column: "credit_limit", field: "creditLimit", label: "Credit limit" },
  { column: "preferred_payment_method", field: "preferredPaymentMethod", label: "Preferred payment method" },
  { column: "tags", field: "tags", label: "Tags" },
  { column: "language", field: "language", label: "Language" },
  { column: "auto_send_invoices", field: "autoSendInvoices", label: "Auto-send invoices" },
  { column: "send_reminders", field: "sendReminders", label: "Send reminders" },
  { column: "notes", field: "notes", label: "Notes" },
] as const satisfies ReadonlyArray<{ column: string; field: keyof CustomerFormValues; label: string }>;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["column"];
export type ImportField = (typeof IMPORT_COLUMNS)[number]["field"];
export const IMPORT_COLUMN_NAMES = IMPORT_COLUMNS.map((c) => c.column) as [ImportColumn, ...ImportColumn[]];

const byColumn = new Map<string, (typeof IMPORT_COLUMNS)[number]>(IMPORT_COLUMNS.map((c) => [c.column, c]));
const byField = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [c.field, c.column]));

export function columnLabel(column: ImportColumn): string {
  return byColumn.get(column)?.label ?? column;
}

/** The CSV column a schema field path ("billingCountry") came from, for error messages. */
export function columnOfField(field: string): ImportColumn | undefined {
  return byField.get(field);
}

/** "E-Mail Address " → "emailaddress": case, spaces, underscores, dashes and dots do not matter. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s_\-./#()]+/g, "");
}

// Other names spreadsheets and CRMs use for our columns (already normalised).
const SYNONYMS: Record<string, ImportColumn> = {
  company: "company_name", companyname: "company_name", organisation: "company_name", organization: "company_name",
  organisationname: "company_name", organizationname: "company_name", business: "company_name", businessname: "company_name",
  customer: "company_name", customername: "company_name", name: "company_name", account: "company_name", accountname: "company_name",
  firstname: "first_name", givenname: "first_name", forename: "first_name", first: "first_name", contactfirstname: "first_name",
  lastname: "last_name", surname: "last_name", familyname: "last_name", last: "last_name", contactlastname: "last_name",
  email: "email", mail: "email", emailaddress: "email", primaryemail: "email", contactemail: "email", billingemail: "email",
  phone: "phone", tel: "phone", telephone: "phone", phonenumber: "phone", mobile: "phone", mobilephone: "phone", cell: "phone",
  cellphone: "phone", primaryphone: "phone", contactphone: "phone",
  secondaryemail: "secondary_email", email2: "secondary_email", otheremail: "secondary_email", alternativeemail: "secondary_email", ccemail: "secondary_email",
  secondaryphone: "secondary_phone", phone2: "secondary_phone", otherphone: "secondary_phone", alternativephone: "secondary_phone", fax: "secondary_phone",
  street: "billing_street", address: "billing_street", address1: "billing_street", addressline1: "billing_street", streetaddress: "billing_street",
  billingstreet: "billing_street", billingaddress: "billing_street",
  city: "billing_city", town: "billing_city", billingcity: "billing_city",
  region: "billing_region", state: "billing_region", province: "billing_region", county: "billing_region", billingregion: "billing_region", billingstate: "billing_region",
  postalcode: "billing_postal_code", postcode: "billing_postal_code", zip: "billing_postal_code", zipcode: "billing_postal_code",
  billingpostalcode: "billing_postal_code", billingzip: "billing_postal_code", billingpostcode: "billing_postal_code",
  country: "billing_country", countrycode: "billing_country", billingcountry: "billing_country",
  shippingstreet: "shipping_street", shippingaddress: "shipping_street", deliveryaddress: "shipping_street",
  shippingcity: "shipping_city", shippingregion: "shipping_region", shippingstate: "shipping_region",
  shippingpostalcode: "shipping_postal_code", shippingzip: "shipping_postal_code", shippingpostcode: "shipping_postal_code",
  shippingcountry: "shipping_country",
  taxid: "tax_id", vat: "tax_id", vatnumber: "tax_id", vatno: "tax_id", vatid: "tax_id", taxnumber: "tax_id", tin: "tax_id",
  pin: "tax_id", krapin: "tax_id", ein: "tax_id", abn: "tax_id", gst: "tax_id", gstnumber: "tax_id",
  industry: "industry", sector: "industry", businesstype: "industry",
  website: "website", web: "website", url: "website", site: "website", homepage: "website",
  currency: "currency", currencycode: "currency",
  paymentterms: "payment_terms", terms: "payment_terms", netdays: "payment_terms", paymenttermsdays: "payment_terms",
  creditlimit: "credit_limit",
  preferredpaymentmethod: "preferred_payment_method", paymentmethod: "preferred_payment_method",
  tags: "tags", tag: "tags", labels: "tags", groups: "tags",
  language: "language", lang: "language", locale: "language",
  autosendinvoices: "auto_send_invoices", autosend: "auto_send_invoices",
  sendreminders: "send_reminders", reminders: "send_reminders",
  notes: "notes", note: "notes", comments: "notes", comment: "notes", remarks: "notes",
};
const synonyms = new Map(Object.entries(SYNONYMS));

/** The column a CSV header most likely means, or null (e.g. `number`: we allocate numbers ourselves). */
export function guessColumn(header: string): ImportColumn | null {
  const key = normaliseHeader(header);
  if (!key) return null;
  return synonyms.get(key) ?? null;
}

export type ColumnMapping = Record<string, ImportColumn | "ignore">;

/** Every header → its guessed column; a column already taken by an earlier header is not taken twice. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportColumn>();
  for (const header of headers) {
    const column = guessColumn(header);
    if (column && !taken.has(column)) {
      mapping[header] = column;
      taken.add(column);
    } else {
      mapping[header] = "ignore";
    }
  }
  return mapping;
}

export const NO_HEADER_MESSAGE = "The first row must hold column names such as company_name, email, phone, billing_country.";

/** Why a header row cannot be used (empty, duplicate names, nothing we recognise), or null when it can. */
export function headerRowError(headers: readonly string[]): string | null {
  const names = headers.map((header) => header.replace(/^\uFEFF/, "").trim());
  if (names.length === 0 || names.every((name) => name === "")) return `The first row is empty. ${NO_HEADER_MESSAGE}`;
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "") continue;
    const key = name.toLowerCase();
    if (seen.has(key)) return `The column name "${name}" appears twice in the first row. ${NO_HEADER_MESSAGE}`;
    seen.add(key);
  }
  if (!names.some((name) => guessColumn(name))) return `None of the names in the first row is a customer field. ${NO_HEADER_MESSAGE}`;
  return null;
}

/** A mapped CSV record → our columns (ignored headers dropped, a column filled at most once). */
export function applyMapping(record: Record<string, string | undefined>, mapping: ColumnMapping): Partial<Record<ImportColumn, string>> {
  const values: Partial<Record<ImportColumn, string>> = {};
  for (const [header, column] of Object.entries(mapping)) {
    if (column === "ignore") continue;
    const cell = record[header];
    if (cell !== undefined && values[column] === undefined) values[column] = cell;
  }
  return values;
}
