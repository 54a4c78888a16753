import { expect, type Browser } from "@playwright/test";
import { ROLE_LABELS } from "../../lib/users/schemas";
import { storageStateFor } from "./demo";
import { latestLinkTo } from "./outbox";

export interface TestUser {
  email: string;
  password: string;
}

let counter = 0;

/**
 * A new user made the way an admin makes one: invited from /admin/users, the invitation read from
 * the outbox, the password set through the emailed link. Each flow gets its own user, so locking,
 * resetting or signing one out never disturbs the demo accounts other tests use.
 */
export async function inviteAndActivate(browser: Browser, role: keyof typeof ROLE_LABELS, label: string): Promise<TestUser> {
  counter += 1;
  const email = `${label}-${Date.now().toString(36)}-${counter}@e2e.cleanpay.test`;
  const password = `pass-${label}-${counter}-long`;

  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(`E2E ${label}`);
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("combobox").click();
  await page.getByRole("option", { name: ROLE_LABELS[role] }).click();
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  await admin.close();

  const link = await latestLinkTo(browser, email);
  const visitor = await browser.newContext();
  const setPassword = await visitor.newPage();
  await setPassword.goto(link);
  await expect(setPassword.getByRole("heading", { level: 1 })).toHaveText("Set your password");
  await setPassword.getByLabel("New password").fill(password);
  await setPassword.getByLabel("Confirm password").fill(password);
  await setPassword.getByRole("button", { name: "Save password" }).click();
  await expect(setPassword).toHaveURL(/\/login\?reset=1/);
  await visitor.close();
  return { email, password };
}
