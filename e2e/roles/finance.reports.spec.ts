import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";

// The finance team's view of the money, on the demo seed's sample invoices and payments.

test("the dashboard draws its charts from the seeded data", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-card-outstanding")).toContainText("$");
  // Recharts draws into an <svg> once the browser has laid the chart out
  await expect(page.getByTestId("dashboard-chart-revenue").locator("svg .recharts-bar-rectangle path").first()).toBeVisible();
  await expect(page.getByTestId("dashboard-chart-status").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("dashboard-chart-methods").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("activity-row").first()).toBeVisible();
});

test("an AR aging export downloads and its CSV totals equal the screen", async ({ page }) => {
  // as of yesterday: invoices and payments other specs make today cannot move the figures mid-test
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/reports/aging?asOf=${yesterday}&currency=USD`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("aging");
  const total = page.locator('[data-testid="report-total"][data-currency="USD"]');
  await expect(total).toHaveCount(1);
  const buckets = ["current", "days1to30", "days31to60", "days61to90", "days90plus", "total"];
  const columns = await page.getByTestId("report-table").locator("thead th").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-column")));
  const moneyKeys = buckets.filter((key) => columns.includes(key));
  expect(moneyKeys).toContain("total");
  const screen = Object.fromEntries(await Promise.all(moneyKeys.map(async (key) => [key, await total.locator(`[data-column="${key}"]`).getAttribute("data-value")] as const)));
  expect(Number(screen.total)).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^aging-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Papa.parse<string[]>(await readFile(await download.path(), "utf8"), { skipEmptyLines: true }).data;
  const header = csv[0] ?? [];
  const labels = await page.getByTestId("report-table").locator("thead th").allTextContents();
  const totalsRow = csv.find((row) => row[0] === "Total" && row[header.indexOf("Currency")] === "USD");
  expect(totalsRow, "a USD totals row in the CSV").toBeTruthy();
  for (const key of moneyKeys) {
    const label = labels[columns.indexOf(key)]?.trim() ?? "";
    expect(totalsRow![header.indexOf(label)], `${label} total`).toBe(screen[key]);
    // and the rows above it add up to it, to the cent
    const sum = csv.slice(1, -1).filter((row) => row[0] !== "Total" && row[header.indexOf("Currency")] === "USD").reduce((acc, row) => acc + Math.round(Number(row[header.indexOf(label)]) * 100), 0);
    expect(sum, `${label} rows`).toBe(Math.round(Number(screen[key]) * 100));
  }
});
