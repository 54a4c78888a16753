import { expect, type Page } from "@playwright/test";

/** Names unique to one spec run, so specs running side by side never pick each other's rows. */
export function flowNames(prefix: string) {
  const stamp = Date.now().toString(36);
  return { stamp, company: `${prefix} ${stamp}`, product: `Solar lantern ${stamp}`, email: `ap-${stamp}@${prefix.toLowerCase().replace(/[^a-z]+/g, "-")}.test` };
}
export type FlowNames = ReturnType<typeof flowNames>;

export async function createCustomer(page: Page, names: FlowNames) {
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill(names.company);
  await page.getByLabel("Email", { exact: true }).fill(names.email);
  await page.getByLabel("Currency", { exact: true }).fill("USD");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(names.company);
}

/** A USD product at $80.00. */
export async function createProduct(page: Page, names: FlowNames) {
  await page.goto("/products");
  await page.getByRole("button", { name: "New product" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(names.product);
  await dialog.getByLabel("Unit price").fill("80.00");
  await dialog.getByLabel("Currency").click();
  await page.getByRole("option", { name: "USD", exact: true }).click();
  await dialog.getByRole("button", { name: "Create product" }).click();
  await expect(dialog).toBeHidden();
}

/** /invoices/new: pick the customer, one line from the product search, save; returns on the draft's page. */
export async function createDraft(page: Page, names: FlowNames, quantity: string) {
  await page.goto("/invoices/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New invoice");
  await page.getByRole("combobox", { name: "Search customers" }).fill(names.stamp);
  await page.getByRole("option", { name: new RegExp(names.company) }).click();
  await expect(page.getByTestId("chosen-customer")).toContainText(names.company);

  await page.getByRole("button", { name: "Line 1: pick a product" }).click();
  await page.getByRole("combobox", { name: "Line 1 product search" }).fill(names.stamp);
  await page.getByRole("option", { name: new RegExp(names.product) }).click();
  await expect(page.getByLabel("Line 1 description")).toHaveValue(names.product);
  await expect(page.getByLabel("Line 1 unit price")).toHaveValue("80.00");
  await page.getByLabel("Line 1 quantity").fill(quantity);
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("invoice-number")).toHaveText("Draft invoice");
  await expect(page.getByTestId("invoice-status")).toHaveText("Draft");
}

/** Finalizes the draft on screen and returns its new number. */
export async function finalize(page: Page): Promise<string> {
  await page.getByTestId("finalize-invoice").click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Finalized");
  const number = (await page.getByTestId("invoice-number").textContent())?.trim() ?? "";
  expect(number).not.toBe("Draft invoice");
  expect(number).toMatch(/\d/);
  return number;
}
