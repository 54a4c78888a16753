import { sql } from "drizzle-orm";
import { companySettings } from "@/db/schema";

/** The company details the settings form edits: what the page reads and the audit row records. */
export const companyDetailColumns = {
  legalName: companySettings.legalName,
  email: companySettings.email,
  phone: companySettings.phone,
  street: companySettings.street,
  city: companySettings.city,
  region: companySettings.region,
  postalCode: companySettings.postalCode,
  country: companySettings.country,
  taxId: companySettings.taxId,
  defaultCurrency: companySettings.defaultCurrency,
  defaultPaymentTerms: companySettings.defaultPaymentTerms,
  invoiceNumberFormat: companySettings.invoiceNumberFormat,
  invoiceNumberReset: companySettings.invoiceNumberReset,
  creditNoteNumberFormat: companySettings.creditNoteNumberFormat,
};

/** The logo's size in bytes (null without one), computed in the database so the bytes stay there. */
export const logoSizeSql = sql<number | null>`octet_length(${companySettings.logo})`.mapWith((value: unknown) => (value === null ? null : Number(value)));
