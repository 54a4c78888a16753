import postgres from "postgres";

/** Drops the run's throw-away database (scripts/e2e-server.ts created it). */
export default async function globalTeardown() {
  const url = new URL(process.env.E2E_DATABASE_URL ?? "");
  const name = url.pathname.slice(1);
  if (!/^cleanpay_e2e_[a-z0-9_]+$/.test(name)) return;
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
