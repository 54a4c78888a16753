import { expect, test, type Browser } from "@playwright/test";
import { createCustomer, createDraft, createProduct, finalize, flowNames } from "../support/invoice-flow";
import { latestLinkTo, outboxSubjectsFor } from "../support/outbox";

// Online payments end to end, against the fake Stripe and PayPal that scripts/e2e-server.ts starts
// beside the app: the customer pays from the emailed link, staff refund and approve.
const names = flowNames("Acacia Traders");

test.describe.configure({ mode: "serial" });

/** Runs `visit` in a browser with no session: the customer, who only has the link. */
async function asCustomer(browser: Browser, visit: (page: import("@playwright/test").Page) => Promise<void>) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    await visit(await context.newPage());
  } finally {
    await context.close();
  }
}

test("emailed link → card payment on the Stripe fake → paid, receipt emailed → staff refund part", async ({ page, browser }) => {
  await createCustomer(page, names);
  await createProduct(page, names);
  await createDraft(page, names, "3");
  const number = await finalize(page);
  const invoiceUrl = page.url();
  await page.getByTestId("send-invoice-button").click();
  const sendDialog = page.getByRole("dialog");
  await sendDialog.getByTestId("send-submit").click();
  await expect(sendDialog).toBeHidden();

  // the link the customer received, read from the sent email
  const link = await latestLinkTo(browser, names.email, /https?:\/\/\S+?(\/i\/[A-Za-z0-9_-]{54})/);
  await asCustomer(browser, async (customer) => {
    await customer.goto(link);
    await expect(customer.getByTestId("public-invoice-number")).toContainText(number);
    const card = customer.getByTestId("pay-method-stripe_card");
    await card.getByTestId("pay-by-card").click();
    // Stripe's hosted page (the fake): card details never reach CleanPay
    await expect(customer.getByTestId("fake-stripe-amount")).toHaveText("$240.00");
    await customer.getByTestId("fake-stripe-pay").click();
    await expect(customer.getByTestId("checkout-result")).toHaveAttribute("data-status", "succeeded");
    await customer.goto(link);
    await expect(customer.getByTestId("public-invoice-amount-due")).toContainText("0.00");
    await expect(customer.getByTestId("pay-panel")).toHaveCount(0);
  });

  expect((await outboxSubjectsFor(browser, names.email)).some((subject) => /^Receipt REC-\d{4}-\d{5} from /.test(subject))).toBe(true);

  await page.goto(invoiceUrl);
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");

  // the payment's page: refund $100 of the $240
  await page.goto(`/payments?q=${encodeURIComponent(names.stamp)}`);
  await expect(page.getByTestId("payment-row")).toHaveCount(1);
  await page.getByTestId("payment-row").getByTestId("payment-number").click();
  await expect(page.getByTestId("payment-amount")).toHaveText("$240.00");
  await expect(page.getByTestId("payment-receipt-number")).toHaveText(/^REC-/);
  await page.getByTestId("refund-payment").click();
  const refundDialog = page.getByRole("dialog");
  await expect(refundDialog.getByTestId("refundable-amount")).toHaveText("$240.00");
  await refundDialog.getByTestId("refund-amount").fill("300");
  await refundDialog.getByTestId("refund-reason").fill("Two lanterns arrived broken");
  await refundDialog.getByTestId("refund-submit").click();
  await expect(refundDialog.getByTestId("refund-error")).toContainText("$240.00");
  await refundDialog.getByTestId("refund-amount").fill("100");
  await refundDialog.getByTestId("refund-submit").click();
  await expect(refundDialog).toBeHidden();
  await expect(page.getByTestId("refund-row")).toHaveCount(1);
  await expect(page.getByTestId("refund-row")).toHaveAttribute("data-status", "succeeded");

  await page.goto(invoiceUrl);
  await expect(page.getByTestId("invoice-status")).toHaveText("Partially paid");
  await expect(page.getByTestId("amount-due")).toHaveText("$100.00");
});

test("a bank transfer the customer reports is approved by staff", async ({ page, browser }) => {
  await createDraft(page, names, "2");
  await finalize(page);
  const invoiceUrl = page.url();
  const link = await page.getByTestId("public-link-url").inputValue();
  const reference = `TRF-${names.stamp}`;

  await asCustomer(browser, async (customer) => {
    await customer.goto(link);
    const transfer = customer.getByTestId("pay-method-bank_transfer");
    await expect(transfer.getByTestId("pay-method-details")).toContainText("GB33BUKB20201555555555");
    await transfer.getByTestId("manual-reference").fill(reference);
    await transfer.getByTestId("manual-submit").click();
    await expect(transfer.getByTestId("manual-submitted")).toBeVisible();
  });

  await page.goto("/payments/approvals");
  const row = page.getByTestId("approval-row").filter({ hasText: reference });
  await expect(row.getByTestId("approval-amount")).toHaveText("$160.00");
  await row.getByTestId("approve-payment").click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByTestId("approval-row").filter({ hasText: reference })).toHaveCount(0);

  await page.goto(invoiceUrl);
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(page.getByTestId("invoice-payment-row")).toHaveCount(1);
});

test("PayPal: create and capture through the API routes against the fake", async ({ page, playwright }) => {
  await createDraft(page, names, "1");
  await finalize(page);
  const invoiceUrl = page.url();
  const token = (await page.getByTestId("public-link-url").inputValue()).split("/i/")[1] ?? "";
  expect(token).toHaveLength(54);

  // the customer's browser has no session: a fresh request context
  const api = await playwright.request.newContext({ baseURL: new URL(invoiceUrl).origin });
  try {
    const created = await api.post("/api/pay/paypal/orders", { data: { token, amount: "8000" } });
    expect(created.status()).toBe(200);
    const { orderId, approveUrl } = (await created.json()) as { orderId: string; approveUrl: string };
    const early = await api.post(`/api/pay/paypal/orders/${orderId}/capture`, { data: { token } });
    expect(early.status()).toBe(422);
    // the buyer approves in PayPal's window (the fake's approval link)
    expect((await api.get(approveUrl)).ok()).toBe(true);
    const captured = await api.post(`/api/pay/paypal/orders/${orderId}/capture`, { data: { token } });
    expect(captured.status()).toBe(200);
    expect(await captured.json()).toMatchObject({ invoiceStatus: "paid", amountDue: "0" });
  } finally {
    await api.dispose();
  }
  await page.goto(invoiceUrl);
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
});
