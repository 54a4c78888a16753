import { expect, test } from "@playwright/test";
import { inviteAndActivate } from "../support/invite";
import { expectSignedInAt, signIn } from "../support/sign-in";

test("changing the password keeps this session and ends every other one", async ({ browser }) => {
  const user = await inviteAndActivate(browser, "finance", "sessions");
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await signIn(laptop, user.email, user.password);
  await expectSignedInAt(laptop, "/dashboard");
  await signIn(phone, user.email, user.password);
  await expectSignedInAt(phone, "/dashboard");

  await laptop.goto("/account/security");
  await laptop.getByLabel("Current password").fill(user.password);
  await laptop.getByLabel("New password").fill("changed-password-123");
  await laptop.getByLabel("Confirm password").fill("changed-password-123");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText(/password (was )?changed/i).first()).toBeVisible();

  await laptop.goto("/dashboard");
  await expectSignedInAt(laptop, "/dashboard");
  await phone.goto("/dashboard");
  await expect(phone).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ browser }) => {
  const user = await inviteAndActivate(browser, "viewer", "signout");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.email, user.password);
  await expectSignedInAt(page, "/dashboard");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});
