import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { inviteAndActivate } from "../support/invite";
import { expectSignedInAt, signIn } from "../support/sign-in";

test("enable TOTP, then sign in with a code, a wrong code, and a recovery code", async ({ page, browser }) => {
  const user = await inviteAndActivate(browser, "finance", "totp");
  await signIn(page, user.email, user.password);
  await expectSignedInAt(page, "/dashboard");

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Enable two-factor" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())?.replace(/\s+/g, "") ?? "";
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByLabel("Authentication code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())?.trim() ?? "";

  const fresh = await browser.newContext();
  const second = await fresh.newPage();
  await signIn(second, user.email, user.password);
  await expect(second.getByTestId("code-prompt")).toBeVisible();
  await second.getByLabel("Authentication code").fill("000000");
  await second.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(second.getByTestId("form-error")).toContainText("not valid");
  await second.getByLabel("Authentication code").fill(await generate({ secret }));
  await second.getByRole("button", { name: "Verify and sign in" }).click();
  await expectSignedInAt(second, "/dashboard");
  await fresh.close();

  const third = await browser.newContext();
  const viaRecovery = await third.newPage();
  await signIn(viaRecovery, user.email, user.password, recoveryCode);
  await expectSignedInAt(viaRecovery, "/dashboard");
  await third.close();
});
