import { expect, type Page } from "@playwright/test";

/** Signs in through the login form; with `code`, answers the authenticator step too. */
export async function signIn(page: Page, email: string, password: string, code?: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (code !== undefined) {
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: /verify|sign in/i }).click();
  }
}

export async function expectSignedInAt(page: Page, pathname: string) {
  await expect(page).toHaveURL((url) => url.pathname === pathname);
  await expect(page.getByTestId("user-menu")).toBeVisible();
}
