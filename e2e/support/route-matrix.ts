import { expect, test } from "@playwright/test";
import type { DemoRole } from "./demo";
import { ADMIN_HOME, ADMIN_PAGES, STAFF_PAGES, WRITER_PAGES, matrixRoutes } from "./route-table";

/** What one audience gets at one route: the page itself, a redirect, or a 404. */
type Outcome = { page: string } | { redirect: string } | "404";

function matrixFor(audience: DemoRole | "anonymous"): Record<string, Outcome> {
  const out: Record<string, Outcome> = {};
  for (const route of matrixRoutes()) {
    if (audience === "anonymous") out[route] = route === "/login" ? { page: "Sign in" } : { redirect: "/login" };
    else if (audience === "customer") out[route] = route === "/portal" ? { page: "Welcome" } : { redirect: "/portal" };
    else if (route in STAFF_PAGES) out[route] = { page: STAFF_PAGES[route]! };
    else if (route in WRITER_PAGES) out[route] = audience === "viewer" ? "404" : { page: WRITER_PAGES[route]! };
    else if (route === "/" || route === "/login" || route === "/portal") out[route] = { redirect: "/dashboard" };
    else if (audience !== "admin") out[route] = "404";
    else out[route] = route === ADMIN_HOME.path ? { redirect: ADMIN_HOME.redirect } : { page: ADMIN_PAGES[route]! };
  }
  return out;
}

/** One test per route for this audience (the storage state of its Playwright project signs it in). */
export function describeRouteMatrix(audience: DemoRole | "anonymous") {
  test.describe(`${audience} across the route groups`, () => {
    for (const [route, outcome] of Object.entries(matrixFor(audience))) {
      const label = outcome === "404" ? "404" : "page" in outcome ? `page "${outcome.page}"` : `redirect to ${outcome.redirect}`;
      test(`${route} → ${label}`, async ({ page }) => {
        const response = await page.goto(route);
        if (outcome === "404") {
          expect(response?.status()).toBe(404);
          await expect(page.getByTestId("not-found")).toBeVisible();
        } else if ("redirect" in outcome) {
          await expect(page).toHaveURL((url) => url.pathname === outcome.redirect);
        } else {
          expect(response?.status()).toBe(200);
          await expect(page).toHaveURL((url) => url.pathname === route);
          await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(outcome.page);
        }
      });
    }
  });
}
