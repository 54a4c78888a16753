import { test as setup } from "@playwright/test";
import { demoUser, storageStateFor, type DemoRole } from "./support/demo";
import { expectSignedInAt, signIn } from "./support/sign-in";

const HOME: Record<DemoRole, string> = { admin: "/dashboard", finance: "/dashboard", viewer: "/dashboard", customer: "/portal" };

for (const role of Object.keys(HOME) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = demoUser(role);
    await signIn(page, user.email, user.password);
    await expectSignedInAt(page, HOME[role]);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
