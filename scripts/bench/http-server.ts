// The production app for the HTTP bench: `next build` (its output kept for the route table), then
// `next start` as a child process on the bench database, stopped at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
export const DIST_DIR = path.join(process.cwd(), ".next");
// the build's console output, kept beside the build so a run with BENCH_SKIP_BUILD=1 can still read its route table
const BUILD_OUTPUT = path.join(DIST_DIR, "bench-build-output.txt");

export interface BuildOutcome {
  skipped: boolean;
  seconds: number;
  /** the build's console output (of this run, or of the build that was reused), colours stripped */
  output: string | null;
}

/** What the app reads at build and start: the bench database, a random secret, no demo seeding (the bench seeds). */
export function appEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    SEED_DEMO: "false",
    RESEND_API_KEY: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

/**
 * `next build`, echoed and captured; skipped when BENCH_SKIP_BUILD=1 and a build exists. Linting
 * is left to `npm run lint`: it does not change what is built.
 */
export async function buildApp(env: NodeJS.ProcessEnv): Promise<BuildOutcome> {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    console.log("BENCH_SKIP_BUILD=1: using the existing .next build.");
    return { skipped: true, seconds: 0, output: existsSync(BUILD_OUTPUT) ? readFileSync(BUILD_OUTPUT, "utf8") : null };
  }
  console.log("next build…");
  const started = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, "build", "--no-lint"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const echo = (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString("utf8");
  };
  child.stdout.on("data", echo);
  child.stderr.on("data", echo);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code}).`);
  const clean = stripAnsi(output);
  writeFileSync(BUILD_OUTPUT, clean);
  return { skipped: false, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), output: clean };
}

export interface AppServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Stops the server and whatever it forked: it runs as the leader of its own process group. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const forced = setTimeout(() => signal("SIGKILL"), 5_000);
  return exited.finally(() => clearTimeout(forced));
}

/** `next start` on 127.0.0.1:`port`, resolved once /api/health answers 200 (it migrates and opens the database first). */
export async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  if (await healthy(`${baseUrl}/api/health`)) throw new Error(`Something already answers on port ${port}: set BENCH_HTTP_PORT to a free port.`);
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server = { baseUrl, stop: () => stopGroup(child) };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${log}`);
    if (await healthy(`${baseUrl}/api/health`)) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await server.stop();
  throw new Error(`next start did not answer /api/health within 120 s:\n${log}`);
}
