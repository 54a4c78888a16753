import { expect, type Browser } from "@playwright/test";
import { storageStateFor } from "./demo";

/**
 * Reads the newest email to `recipient` in the admin outbox, as an admin would, and returns the
 * path of the single-use link in it.
 */
export async function latestLinkTo(browser: Browser, recipient: string): Promise<string> {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    const page = await context.newPage();
    await page.goto(`/admin/outbox?q=${encodeURIComponent(recipient)}`);
    const href = await page.getByTestId("outbox-subject").first().getAttribute("href");
    await page.goto(href ?? "");
    const text = await page.getByTestId("email-text").textContent();
    const match = text?.match(/https?:\/\/\S+?(\/reset-password\/[A-Za-z0-9_-]+)/);
    expect(match, `a reset link in the email to ${recipient}`).toBeTruthy();
    return match![1]!;
  } finally {
    await context.close();
  }
}

/** How many emails the outbox holds for `recipient`. */
export async function outboxCountFor(browser: Browser, recipient: string): Promise<number> {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    const page = await context.newPage();
    await page.goto(`/admin/outbox?q=${encodeURIComponent(recipient)}`);
    return await page.getByTestId("outbox-subject").count();
  } finally {
    await context.close();
  }
}
