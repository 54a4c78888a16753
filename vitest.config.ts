import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Integration tests run once per database: always on in-memory PGlite, and on PostgreSQL when
// TEST_DATABASE_URL names a server (each test file gets a fresh database there).
export default defineConfig({
  // tsconfig keeps JSX for Next; tests compile it with the automatic runtime.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias: { "@": root, "server-only": path.join(root, "tests/helpers/server-only.ts") } },
  test: {
    environment: "node",
    // invoice public links are signed with it (lib/invoices/public-link.ts)
    env: { AUTH_SECRET: "test-secret-that-is-at-least-32-characters" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"] } },
      // *.pg.test.ts need real concurrency, which in-process PGlite cannot give: only the postgres project runs them.
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, "tests/integration/**/*.pg.test.ts"],
          env: { TEST_DB: "pglite" },
        },
      },
      ...(onPostgres
        ? [{ extends: true as const, test: { name: "postgres", include: ["tests/integration/**/*.test.{ts,tsx}"], env: { TEST_DB: "postgres" } } }]
        : []),
    ],
  },
});
