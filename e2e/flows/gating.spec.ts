import { expect, test } from "@playwright/test";

// CVE-2025-29927: a forged x-middleware-subrequest header once skipped Next.js middleware.
// Here the middleware is not the only gate, and the header must change nothing either way.
const FORGED = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

test.describe("gates that do not depend on the browser", () => {
  for (const route of ["/dashboard", "/admin/users", "/admin/outbox", "/portal"]) {
    test(`${route} with a forged x-middleware-subrequest header still goes to /login`, async ({ request }) => {
      const response = await request.get(route, { headers: FORGED, maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(response.status());
      expect(new URL(response.headers()["location"] ?? "", "http://x").pathname).toBe("/login");
    });
  }

  test("an API route refuses an anonymous caller with 401, header or not", async ({ request }) => {
    for (const headers of [{}, FORGED]) {
      const response = await request.get("/api/company-logo", { headers, maxRedirects: 0 });
      expect(response.status()).toBe(401);
    }
  });

  test("pages carry the security headers", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  });

  test("the health check answers with a database round trip", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
