import { describe, expect, it } from "vitest";
import { payments, type Payment } from "@/db/schema";
import { listPayments, pendingApprovalCount } from "@/lib/payments/list";
import { parsePaymentListParams, type PaymentListFilters } from "@/lib/payments/list-params";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer } from "../helpers/invoice-rows";

const { db } = await createTestDatabase();

const acme = await insertTestCustomer(db, "Acme Trading");
const globex = await insertTestCustomer(db, "Globex Kenya", "KES");
const tokyo = await insertTestCustomer(db, "Tokyo Works", "JPY");

type Row = typeof payments.$inferInsert;
let counter = 0;
async function pay(values: Omit<Row, "number" | "receivedOn"> & { receivedOn?: string }): Promise<Payment> {
  counter += 1;
  const [row] = await db
    .insert(payments)
    .values({ number: `PAY-2026-${String(counter).padStart(5, "0")}`, receivedOn: "2026-03-01", ...values })
    .returning();
  if (!row) throw new Error("payment insert returned nothing");
  return row;
}

const card = await pay({
  customerId: acme,
  currency: "USD",
  amount: 120_00n,
  method: "card",
  status: "succeeded",
  origin: "customer",
  gateway: "stripe",
  gatewayCheckoutId: "cs_test_abc123",
  gatewayPaymentId: "pi_test_abc123",
  receiptNumber: "REC-2026-00001",
  receivedOn: "2026-03-05",
});
const paypal = await pay({ customerId: acme, currency: "USD", amount: 45_50n, method: "paypal", status: "failed", origin: "customer", gateway: "paypal", gatewayCheckoutId: "5O190127TN364715T", receivedOn: "2026-03-10" });
const transfer = await pay({ customerId: globex, currency: "KES", amount: 5_000_00n, method: "bank_transfer", status: "pending", origin: "customer", reference: "MPESA-QX12", receivedOn: "2026-02-20" });
const cash = await pay({ customerId: globex, currency: "KES", amount: 800_00n, method: "cash", status: "succeeded", origin: "staff", receivedOn: "2026-01-15" });
const yen = await pay({ customerId: tokyo, currency: "JPY", amount: 1200n, method: "bank_transfer", status: "succeeded", origin: "staff", reference: "FURIKOMI-7", receivedOn: "2026-03-02" });

const filters = (params: Record<string, string | string[]>): PaymentListFilters => parsePaymentListParams(params);
const numbers = async (params: Record<string, string | string[]>) => (await listPayments(db, filters(params))).rows.map((row) => row.number);

describe("listPayments", () => {
  it("lists every payment newest received first, with the customer's name", async () => {
    const list = await listPayments(db, filters({}));
    expect(list.rows.map((row) => row.id)).toEqual([paypal.id, card.id, yen.id, transfer.id, cash.id]);
    expect(list.rows[0]).toMatchObject({ customerName: "Acme Trading", status: "failed", gateway: "paypal", method: "paypal" });
    expect(list.total).toBe(5);
  });

  it("filters by status, gateway, method, customer and received date", async () => {
    expect(await numbers({ status: ["succeeded"] })).toEqual([card.number, yen.number, cash.number]);
    expect(await numbers({ status: "pending,failed" })).toEqual([paypal.number, transfer.number]);
    expect(await numbers({ gateway: "stripe" })).toEqual([card.number]);
    expect(await numbers({ method: "bank_transfer" })).toEqual([yen.number, transfer.number]);
    expect(await numbers({ customerId: globex })).toEqual([transfer.number, cash.number]);
    expect(await numbers({ from: "2026-02-01", to: "2026-03-02" })).toEqual([yen.number, transfer.number]);
    // a junk value is ignored rather than failing the page
    expect(await numbers({ gateway: "bitcoin", status: "nonsense" })).toHaveLength(5);
  });

  it("filters by amount as typed, in each payment's own currency", async () => {
    // 100 → $100.00, KES 100.00, ¥100
    expect(await numbers({ min: "100" })).toEqual([card.number, yen.number, transfer.number, cash.number]);
    expect(await numbers({ min: "45.50", max: "120" })).toEqual([paypal.number, card.number]);
    // ¥1,200 is exactly 1200; KES 1,200.00 is not among them
    expect(await numbers({ min: "1,200", max: "1200" })).toEqual([yen.number]);
    // "1200.5" has a decimal yen cannot have: no yen payment matches rather than a rounded bound
    expect(await numbers({ max: "1200.5" })).toEqual([paypal.number, card.number, cash.number]);
  });

  it("searches payment and receipt numbers, references, gateway ids and customer names", async () => {
    expect(await numbers({ q: card.number })).toEqual([card.number]);
    expect(await numbers({ q: "rec-2026-00001" })).toEqual([card.number]);
    expect(await numbers({ q: "qx12" })).toEqual([transfer.number]);
    expect(await numbers({ q: "pi_test_abc123" })).toEqual([card.number]);
    expect(await numbers({ q: "5O190127TN364715T" })).toEqual([paypal.number]);
    expect(await numbers({ q: "globex" })).toEqual([transfer.number, cash.number]);
    // a partial gateway id is not a match (ids are pasted whole)
    expect(await numbers({ q: "pi_test" })).toEqual([]);
    // LIKE's wildcards are taken literally
    expect(await numbers({ q: "%" })).toEqual([]);
  });

  it("sorts by amount, customer and number either way, and pages", async () => {
    expect(await numbers({ sort: "amount", dir: "asc" })).toEqual([yen.number, paypal.number, card.number, cash.number, transfer.number]);
    const byCustomer = await listPayments(db, filters({ sort: "customer" }));
    expect(byCustomer.rows.map((row) => row.customerName)).toEqual(["Acme Trading", "Acme Trading", "Globex Kenya", "Globex Kenya", "Tokyo Works"]);
    const byCustomerDesc = await listPayments(db, filters({ sort: "customer", dir: "desc" }));
    expect(byCustomerDesc.rows[0]?.customerName).toBe("Tokyo Works");
    expect(await numbers({ sort: "number" })).toEqual([yen.number, cash.number, transfer.number, paypal.number, card.number]);

    for (let i = 0; i < 26; i += 1) await pay({ customerId: acme, currency: "USD", amount: 1_00n, method: "cash", status: "voided", voidedAt: new Date(), receivedOn: "2025-12-01" });
    const second = await listPayments(db, filters({ page: "2" }));
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 31 });
    expect(second.rows).toHaveLength(6);
    // past the end: the last page
    expect((await listPayments(db, filters({ page: "9" }))).page).toBe(2);
  });

  it("totals the filtered set per currency, counting only succeeded money as received", async () => {
    const list = await listPayments(db, filters({ customerId: acme, status: ["succeeded", "failed"] }));
    expect(list.totalsByCurrency).toEqual([{ currency: "USD", count: 2, received: 120_00n }]);
  });

  it("counts the manual submissions waiting for approval", async () => {
    expect(await pendingApprovalCount(db)).toBe(1);
  });
});
