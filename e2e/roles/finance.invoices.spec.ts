import { expect, test } from "@playwright/test";
import { createCustomer, createDraft, createProduct, finalize, flowNames } from "../support/invoice-flow";

// A finance user's invoice round trip in the browser: catalog → draft → finalize → send → the
// customer opens the public link → partial then full payment; and a credit note on another invoice.
const names = flowNames("Baobab Supplies");

test.describe.configure({ mode: "serial" });

test("catalog → draft → finalize → send → public view → partial and full payment", async ({ page, browser }) => {
  await createCustomer(page, names);
  await createProduct(page, names);
  await createDraft(page, names, "3");
  await expect(page.getByTestId("invoice-line")).toHaveCount(1);
  await expect(page.getByTestId("invoice-total")).toHaveText("$240.00");
  const detailUrl = page.url();
  const number = await finalize(page);
  await expect(page.getByTestId("amount-due")).toHaveText("$240.00");

  // send: the dialog is prefilled with the customer's address
  await page.getByTestId("send-invoice-button").click();
  const sendDialog = page.getByRole("dialog");
  await expect(sendDialog.getByTestId("send-submit")).toBeEnabled();
  await sendDialog.getByTestId("send-submit").click();
  await expect(sendDialog).toBeHidden();
  await expect(page.getByTestId("invoice-status")).toHaveText("Sent");
  await expect(page.getByTestId("invoice-email")).toHaveCount(1);

  // the customer's link: copied from the page, opened without any session
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const shown = await page.getByTestId("public-link-url").inputValue();
  expect(shown).toMatch(/\/i\/[A-Za-z0-9_-]{54}$/);
  await page.getByTestId("copy-public-link").click();
  await expect(page.getByText("Public link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const customerPage = await anonymous.newPage();
    await customerPage.goto(shown);
    await expect(customerPage.getByTestId("public-invoice-number")).toContainText(number);
    await expect(customerPage.getByTestId("public-invoice-amount-due")).toContainText("240.00");
  } finally {
    await anonymous.close();
  }
  await page.reload();
  await expect(page.getByTestId("invoice-status")).toHaveText("Viewed");
  await expect(page.getByTestId("invoice-viewed")).toBeVisible();

  // a partial payment: the allocation follows the amount typed
  await page.getByTestId("record-payment").click();
  const payDialog = page.getByRole("dialog");
  const applyHere = payDialog.getByLabel(`Apply to ${number}`);
  await expect(applyHere).toHaveValue("240.00");
  const amount = payDialog.getByLabel("Amount (USD)");
  await amount.fill("abc");
  await payDialog.getByTestId("save-payment").click();
  await expect(payDialog.locator('[data-testid="field-error"][data-field="amount"]')).toBeVisible();
  await amount.fill("100");
  await amount.blur();
  await expect(applyHere).toHaveValue("100.00");
  await expect(payDialog.getByTestId("allocated-total")).toHaveText("$100.00");
  await expect(payDialog.getByTestId("unallocated-total")).toHaveText("$0.00");
  await payDialog.getByLabel("Reference").fill(`BANK-${names.stamp}`);
  await payDialog.getByTestId("save-payment").click();
  await expect(payDialog).toBeHidden();
  await expect(page.getByTestId("invoice-status")).toHaveText("Partially paid");
  await expect(page.getByTestId("amount-due")).toHaveText("$140.00");
  await expect(page.getByTestId("invoice-payment-row")).toHaveCount(1);

  // the rest, by M-Pesa: the dialog starts at what is still due
  await page.getByTestId("record-payment").click();
  await expect(applyHere).toHaveValue("140.00");
  await payDialog.getByLabel("Method").click();
  await page.getByRole("option", { name: "M-Pesa" }).click();
  await payDialog.getByTestId("save-payment").click();
  await expect(payDialog).toBeHidden();
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(page.getByTestId("amount-due")).toHaveText("$0.00");
  await expect(page.getByTestId("invoice-payment-row")).toHaveCount(2);
  await expect(page.getByTestId("record-payment")).toHaveCount(0);
  expect(page.url()).toBe(detailUrl);
});

test("a credit note on another invoice lowers what it asks for", async ({ page }) => {
  await createDraft(page, names, "2");
  await finalize(page);
  await expect(page.getByTestId("amount-due")).toHaveText("$160.00");

  await page.getByTestId("issue-credit-note").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Chosen lines/).check();
  await dialog.getByTestId("credit-line-row").first().getByRole("textbox").fill("1");
  await expect(dialog.getByTestId("credit-note-total")).toHaveText("$80.00");
  await dialog.getByTestId("save-credit-note").click();
  await expect(dialog.locator('[data-testid="field-error"][data-field="reason"]')).toBeVisible();
  await dialog.getByLabel("Reason").fill("One lantern returned");
  await dialog.getByTestId("save-credit-note").click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("amount-due")).toHaveText("$80.00");
  await expect(page.getByTestId("invoice-amount-credited")).toHaveText("−$80.00");
  await expect(page.getByTestId("invoice-credit-note-row")).toHaveCount(1);
  await expect(page.getByTestId("invoice-credit-note-row")).toContainText("One lantern returned");
  await expect(page.getByTestId("invoice-status")).toHaveText("Finalized");
});
