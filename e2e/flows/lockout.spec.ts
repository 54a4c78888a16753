import { expect, test } from "@playwright/test";
import { inviteAndActivate } from "../support/invite";
import { signIn } from "../support/sign-in";

test("five wrong passwords lock the account for 15 minutes, even against the right password", async ({ page, browser }) => {
  const user = await inviteAndActivate(browser, "viewer", "lockout");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, user.email, `wrong-password-${attempt}`);
    await expect(page.getByTestId("form-error")).toHaveText("Invalid email or password.");
  }
  await signIn(page, user.email, "wrong-password-5");
  await expect(page.getByTestId("form-error")).toContainText("locked for 15 minutes");

  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("form-error")).toContainText("locked for 15 minutes");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await signIn(page, `ghost-${Date.now()}@e2e.cleanpay.test`, "whatever-password");
  await expect(page.getByTestId("form-error")).toHaveText("Invalid email or password.");
});
