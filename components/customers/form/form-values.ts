import type { Customer } from "@/db/schema/customers";
import { minorToDecimalString } from "@/lib/money";
import type { CustomerFormValues } from "@/lib/customers/schemas";

// The form works on text as typed; these turn settings or a stored customer into that text.

/** What the fields hold as plain strings/booleans (the resolver's input, before any transform). */
export type CustomerFormDefaults = CustomerFormValues & { paymentTerms: number | string; tags: string; metadata: string; autoSendInvoices: boolean; sendReminders: boolean };

export function blankCustomerForm(settings: { currency: string; paymentTerms: number }): CustomerFormDefaults {
  return {
    companyName: "",
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    secondaryEmail: "",
    secondaryPhone: "",
    billingStreet: "",
    billingCity: "",
    billingRegion: "",
    billingPostalCode: "",
    billingCountry: "",
    shippingStreet: "",
    shippingCity: "",
    shippingRegion: "",
    shippingPostalCode: "",
    shippingCountry: "",
    taxId: "",
    industry: "",
    website: "",
    currency: settings.currency,
    paymentTerms: settings.paymentTerms,
    creditLimit: "",
    preferredPaymentMethod: "",
    tags: "",
    notes: "",
    metadata: "",
    autoSendInvoices: false,
    sendReminders: true,
    language: "en",
  };
}

export function customerToFormValues(customer: Customer): CustomerFormDefaults {
  const text = (value: string | null) => value ?? "";
  // stored values passed the same schema on the way in; an unknown one is reported by the resolver
  const language = customer.language as CustomerFormValues["language"];
  return {
    companyName: text(customer.companyName),
    firstName: text(customer.firstName),
    lastName: text(customer.lastName),
    email: text(customer.email),
    phone: text(customer.phone),
    secondaryEmail: text(customer.secondaryEmail),
    secondaryPhone: text(customer.secondaryPhone),
    billingStreet: text(customer.billingStreet),
    billingCity: text(customer.billingCity),
    billingRegion: text(customer.billingRegion),
    billingPostalCode: text(customer.billingPostalCode),
    billingCountry: text(customer.billingCountry),
    shippingStreet: text(customer.shippingStreet),
    shippingCity: text(customer.shippingCity),
    shippingRegion: text(customer.shippingRegion),
    shippingPostalCode: text(customer.shippingPostalCode),
    shippingCountry: text(customer.shippingCountry),
    taxId: text(customer.taxId),
    industry: text(customer.industry),
    website: text(customer.website),
    currency: customer.currency,
    paymentTerms: customer.paymentTerms,
    creditLimit: customer.creditLimit === null ? "" : minorToDecimalString(customer.creditLimit, customer.currency),
    preferredPaymentMethod: customer.preferredPaymentMethod ?? "",
    tags: customer.tags.join(", "),
    notes: text(customer.notes),
    metadata: Object.keys(customer.metadata).length ? JSON.stringify(customer.metadata, null, 2) : "",
    autoSendInvoices: customer.autoSendInvoices,
    sendReminders: customer.sendReminders,
    language,
  };
}
