import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";

// One finance user's working day with the customer book, end to end in the browser.
const stamp = Date.now().toString(36);
const company = `Kilima Traders ${stamp}`;
const email = `accounts-${stamp}@kilima.test`;

async function searchFor(page: Page, text: string) {
  await page.goto("/customers");
  const box = page.getByPlaceholder("Name, email, phone, number, tax id");
  await box.fill(text);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
}

test.describe.configure({ mode: "serial" });

test("create a customer, find it by search, edit it, add a note and a payment method", async ({ page }) => {
  await page.goto("/customers/new");
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.locator('[data-testid="field-error"][data-field="email"]')).toContainText("valid email");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+254 712 345 678");
  await page.getByLabel("Tax ID").fill(`P05${stamp}`.toUpperCase());
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(company);
  const number = (await page.getByTestId("customer-number").textContent())?.trim() ?? "";
  expect(number).toMatch(/^CUST-\d{4,}$/);

  await searchFor(page, stamp);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await expect(page.getByTestId("customer-row").first()).toContainText(company);
  await page.getByRole("link", { name: company }).click();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Company name").fill(`${company} Ltd`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${company} Ltd`);

  await page.getByRole("tab", { name: /Notes/ }).click();
  await page.getByLabel("New note").fill("Prefers invoices at month end.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("customer-note").first()).toContainText("Prefers invoices at month end.");

  await page.getByRole("tab", { name: /Payment methods/ }).click();
  await page.getByRole("button", { name: "Add payment method" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Bank name").fill("Equity Bank");
  await dialog.getByLabel("Account last 4 digits").fill("0123456789");
  await dialog.getByRole("button", { name: "Add method" }).click();
  await expect(dialog.getByTestId("field-error")).toContainText("last 4 digits");
  await dialog.getByLabel("Account last 4 digits").fill("6789");
  await dialog.getByRole("button", { name: "Add method" }).click();
  await expect(page.getByTestId("payment-method").first()).toContainText("6789");

  await page.reload();
  await page.getByRole("tab", { name: /Activity/ }).click();
  await expect(page.getByTestId("activity-timeline")).toContainText("Updated: company name");
});

test("import 200 rows with 3 bad ones, read the report, export and read the file back", async ({ page }, testInfo) => {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    company_name: `Import ${stamp} ${String(i + 1).padStart(3, "0")}`,
    email: `import-${stamp}-${i + 1}@example.test`,
    billing_country: "KE",
    currency: "KES",
    credit_limit: "1,000.00",
    tags: "imported",
  }));
  rows[9]!.email = "broken-email";
  rows[49]!.billing_country = "ZZ";
  rows[149]!.credit_limit = "-5";
  const csvPath = testInfo.outputPath("customers.csv");
  await import("node:fs/promises").then((fs) => fs.writeFile(csvPath, Papa.unparse(rows)));

  await page.goto("/customers/import");
  await page.getByTestId("import-file").setInputFiles(csvPath);
  await expect(page.getByTestId("import-mapping-row").first()).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-invalid-count")).toContainText("3");
  await page.getByTestId("import-run").click();

  await expect(page.getByTestId("import-report")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("import-created")).toHaveText("197");
  await expect(page.getByTestId("import-failed")).toHaveText("3");
  const failures = page.getByTestId("import-failure-row");
  await expect(failures).toHaveCount(3);
  await expect(failures.nth(0)).toContainText("11");
  await expect(failures.nth(1)).toContainText("51");
  await expect(failures.nth(2)).toContainText("151");

  const reportDownload = page.waitForEvent("download");
  await page.getByTestId("import-download-report").click();
  const report = Papa.parse<Record<string, string>>(await readFile(await (await reportDownload).path(), "utf8"), { header: true, skipEmptyLines: true });
  expect(report.data.filter((row) => Object.values(row).includes("failed"))).toHaveLength(3);

  await searchFor(page, `Import ${stamp}`);
  await expect(page.getByTestId("customers-count")).toContainText("of 197");
  const exportDownload = page.waitForEvent("download");
  await page.getByTestId("export-customers").click();
  const exported = Papa.parse<Record<string, string>>(await readFile(await (await exportDownload).path(), "utf8"), { header: true, skipEmptyLines: true });
  expect(exported.data).toHaveLength(197);
  const first = exported.data.find((row) => row.company_name === `Import ${stamp} 001`);
  expect(first).toMatchObject({ email: `import-${stamp}-1@example.test`, billing_country: "KE", currency: "KES", credit_limit: "1000.00", tags: "imported" });
  expect(first?.number).toMatch(/^CUST-\d{4,}$/);
});
