import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { reliabilityScale } from "./tests/reliability/scale.js";

const root = path.dirname(new URL(import.meta.url).pathname);
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// The reliability suite (npm run test:reliability) runs only when asked for by name: it takes
// minutes and needs PostgreSQL, so a plain `vitest run` must not pick it up.
const argv = process.argv;
const reliabilityAsked = argv.some((arg, i) => arg === "--project=reliability" || (arg === "--project" && argv[i + 1] === "reliability"));
// It needs PostgreSQL (PGlite cannot run statements concurrently): TEST_DATABASE_URL, or the local
// server the e2e run uses too.
const reliabilityServer = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const reliability = reliabilityAsked ? reliabilityScale() : undefined;

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
    // next-auth imports "next/server" without an extension, which Node's own resolver refuses: Vite loads it
    server: { deps: { inline: ["next-auth"] } },
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
      ...(reliability
        ? [
            {
              extends: true as const,
              test: {
                name: "reliability",
                include: ["tests/reliability/**/*.test.ts"],
                env: { TEST_DB: "postgres", TEST_DATABASE_URL: reliabilityServer, RELIABILITY_SCALE: reliability.name },
                testTimeout: reliability.testTimeoutMs,
                hookTimeout: reliability.testTimeoutMs,
              },
            },
          ]
        : []),
    ],
  },
});
