import { expect, type Browser, type Page } from "@playwright/test";
import { storageStateFor } from "./demo";

/** Runs `read` on a page signed in as the demo admin, who can read the outbox. */
async function asAdmin<T>(browser: Browser, read: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    return await read(await context.newPage());
  } finally {
    await context.close();
  }
}

const RESET_LINK = /https?:\/\/\S+?(\/reset-password\/[A-Za-z0-9_-]+)/;

/**
 * Reads the newest email to `recipient` in the admin outbox, as an admin would, and returns the
 * path of the link in it that `pattern` captures (by default the single-use reset link).
 */
export async function latestLinkTo(browser: Browser, recipient: string, pattern: RegExp = RESET_LINK): Promise<string> {
  return asAdmin(browser, async (page) => {
    await page.goto(`/admin/outbox?q=${encodeURIComponent(recipient)}`);
    const href = await page.getByTestId("outbox-subject").first().getAttribute("href");
    await page.goto(href ?? "");
    const text = await page.getByTestId("email-text").textContent();
    const match = text?.match(pattern);
    expect(match, `a link in the email to ${recipient}`).toBeTruthy();
    return match![1]!;
  });
}

/** The subjects of the emails the outbox holds for `recipient`, newest first. */
export async function outboxSubjectsFor(browser: Browser, recipient: string): Promise<string[]> {
  return asAdmin(browser, async (page) => {
    await page.goto(`/admin/outbox?q=${encodeURIComponent(recipient)}`);
    return (await page.getByTestId("outbox-subject").allTextContents()).map((subject) => subject.trim());
  });
}

/** How many emails the outbox holds for `recipient`. */
export async function outboxCountFor(browser: Browser, recipient: string): Promise<number> {
  return (await outboxSubjectsFor(browser, recipient)).length;
}
