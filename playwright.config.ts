import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

// One fresh PostgreSQL database per run, on a local server only (see scripts/e2e-server.ts).
// Set once here; Playwright's workers inherit it from this process.
process.env.E2E_DATABASE_URL ??= `postgres://postgres@127.0.0.1:5432/cleanpay_e2e_${randomBytes(4).toString("hex")}`;
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

const ROLES = ["admin", "finance", "viewer", "customer"] as const;

export default defineConfig({
  testDir: "e2e",
  // flows chain several sign-ins (argon2 by design is slow) and page loads; a loaded 2-core CI box needs room
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL, trace: "retain-on-failure", ...chromium },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    ...ROLES.map((role) => ({
      name: role,
      testMatch: new RegExp(`roles/${role}(\\.[a-z-]+)?\\.spec\\.ts`),
      dependencies: ["setup"],
      use: { storageState: `e2e/.auth/${role}.json` },
    })),
    { name: "anonymous", testMatch: /flows\/.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  globalTeardown: "./e2e/global-teardown.ts",
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
