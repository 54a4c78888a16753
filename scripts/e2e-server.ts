/**
 * Builds and starts CleanPay for the Playwright run against a fresh PostgreSQL database.
 * Refuses anything but a database on this machine: e2e tests sign in, lock accounts and change
 * passwords, which must never happen to a real company's data.
 */
import { spawn, spawnSync } from "node:child_process";
import postgres from "postgres";
import { startFakeGateways } from "../tests/fakes/gateways";

const url = new URL(process.env.E2E_DATABASE_URL ?? "");
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
  console.error(`e2e refuses a non-local database (${url.hostname}). Point E2E_DATABASE_URL at localhost.`);
  process.exit(1);
}
const name = url.pathname.slice(1);
if (!/^cleanpay_e2e_[a-z0-9_]+$/.test(name)) {
  console.error(`e2e database names must start with cleanpay_e2e_ (got "${name}").`);
  process.exit(1);
}

const server = new URL(url);
server.pathname = "/postgres";
const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();

const port = process.env.E2E_PORT ?? "3100";
const appUrl = `http://127.0.0.1:${port}`;
// card and PayPal payments go to the fake gateways (tests/fakes), which call our webhooks back
const fakes = await startFakeGateways({ hookBase: appUrl, appUrl, stripePort: Number(port) + 11, paypalPort: Number(port) + 12 });
const env = {
  ...process.env,
  ...fakes.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-that-is-at-least-32-characters-long",
  AUTH_TRUST_HOST: "true",
  RESEND_API_KEY: "",
};

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) {
    await fakes.close();
    process.exit(build.status ?? 1);
  }
}
const app = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => void fakes.close().then(() => process.exit(code ?? 0)));
