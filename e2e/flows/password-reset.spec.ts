import { expect, test } from "@playwright/test";
import { inviteAndActivate } from "../support/invite";
import { latestLinkTo, outboxCountFor } from "../support/outbox";
import { expectSignedInAt, signIn } from "../support/sign-in";

test("forgot password → link from the outbox → the new password works and the link does not work twice", async ({ page, browser }) => {
  const user = await inviteAndActivate(browser, "finance", "reset");

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toBeVisible();

  const link = await latestLinkTo(browser, user.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByTestId("field-error").first()).toContainText("at least 10 characters");

  const newPassword = "a-brand-new-password";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Confirm password").fill(newPassword);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);

  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("form-error")).toHaveText("Invalid email or password.");
  await signIn(page, user.email, newPassword);
  await expectSignedInAt(page, "/dashboard");

  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByTestId("link-error")).toContainText("already used");
  await again.close();
});

test("an unknown address gets the same answer and no email", async ({ page, browser }) => {
  const nobody = `nobody-${Date.now()}@e2e.cleanpay.test`;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toBeVisible();
  expect(await outboxCountFor(browser, nobody)).toBe(0);
});

test("a made-up link gets a clear page", async ({ page }) => {
  await page.goto("/reset-password/not-a-real-token");
  await expect(page.getByTestId("link-error")).toContainText("not valid");
});
