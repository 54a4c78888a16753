import type { Db } from "@/db";
import { customers, type NewCustomer } from "@/db/schema";
import { nextCustomerNumbers } from "@/lib/customers/numbers";
import { customerInputSchema, type CustomerFormValues } from "@/lib/customers/schemas";

/** Every field of the customer form, empty: tests spread what they care about over it. */
export const blankCustomer: CustomerFormValues = {
  companyName: "", firstName: "", lastName: "", email: "", phone: "", secondaryEmail: "", secondaryPhone: "",
  billingStreet: "", billingCity: "", billingRegion: "", billingPostalCode: "", billingCountry: "",
  shippingStreet: "", shippingCity: "", shippingRegion: "", shippingPostalCode: "", shippingCountry: "",
  taxId: "", industry: "", website: "", currency: "USD", paymentTerms: 30, creditLimit: "", preferredPaymentMethod: "",
  tags: "", notes: "", metadata: "", autoSendInvoices: false, sendReminders: true, language: "en",
};

/** Form values → the validated input `createCustomer` takes. */
export const customerInput = (values: Partial<CustomerFormValues>) => customerInputSchema.parse({ ...blankCustomer, ...values });

export type SeedCustomer = Omit<NewCustomer, "number" | "displayName" | "currency" | "paymentTerms"> & { currency?: string; paymentTerms?: number };

/**
 * Inserts many customers fast (no duplicate checks, no audit): numbers come from the real
 * sequence, so they stay unique alongside customers made by `createCustomer`.
 */
export async function insertCustomers(db: Db, rows: SeedCustomer[], chunk = 500): Promise<{ id: string; number: string }[]> {
  const created: { id: string; number: string }[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const inserted = await db.transaction(async (tx) => {
      const numbers = await nextCustomerNumbers(tx, slice.length);
      return tx
        .insert(customers)
        .values(slice.map((row, i) => ({ currency: "USD", paymentTerms: 30, ...row, number: numbers[i]! })))
        .returning({ id: customers.id, number: customers.number });
    });
    created.push(...inserted);
  }
  return created;
}
