import type { InvoiceCustomer } from "@/lib/invoices/detail-types";
import { addressLines } from "./format";
import type { BillTo } from "./header";

/** The customer block of a document: name, billing address, email and tax ID when known. */
export function billTo(customer: InvoiceCustomer, heading: string): BillTo {
  const address = addressLines({
    street: customer.billingStreet,
    city: customer.billingCity,
    region: customer.billingRegion,
    postalCode: customer.billingPostalCode,
    country: customer.billingCountry,
  });
  return {
    heading,
    name: customer.displayName,
    lines: [...address, ...(customer.email ? [customer.email] : []), ...(customer.taxId ? [`Tax ID: ${customer.taxId}`] : [])],
  };
}
