import { spawn } from "node:child_process";
import path from "node:path";
import type { z } from "zod";
import { sleep } from "./concurrency";

// Workers run as real child processes, so a SIGKILL stops them the way a crashed server or a
// killed container would: mid-transaction, with no cleanup. Node runs them with tsx's loader
// (tsconfig.scripts.json resolves @/ as scripts/* get it) rather than through the tsx CLI: the CLI
// starts the script in a second process, which a SIGKILL of the first would leave running.

const ROOT = process.cwd();

export interface WorkerRun {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
  kill(): void;
}

export function startWorker(script: string, args: string[], databaseUrl: string): WorkerRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "reliability", "workers", script), ...args], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", RELIABILITY_DB_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { exited, stdout: () => out, stderr: () => err, kill: () => void child.kill("SIGKILL") };
}

/** Polls `progress` until it reaches `threshold`, then SIGKILLs the worker. Refuses a worker that finished first. */
export async function killAtProgress(worker: WorkerRun, progress: () => Promise<number>, threshold: number, pollMs = 20): Promise<number> {
  let finished = false;
  void worker.exited.then(() => (finished = true));
  while (!finished) {
    const done = await progress();
    if (done >= threshold) {
      worker.kill();
      const { signal } = await worker.exited;
      if (signal !== "SIGKILL") throw new Error(`the worker ended with ${signal} instead of being killed`);
      return done;
    }
    await sleep(pollMs);
  }
  throw new Error(`the worker finished before it was killed: ${worker.stdout()} ${worker.stderr()}`);
}

/** Runs the worker to its end and returns its JSON summary line, checked against `summary`. */
export async function runToCompletion<T>(worker: WorkerRun, summary: z.ZodType<T>): Promise<T> {
  const { code } = await worker.exited;
  if (code !== 0) throw new Error(`the worker failed (exit ${code}): ${worker.stderr()}`);
  const last = worker.stdout().trim().split("\n").at(-1) ?? "";
  return summary.parse(JSON.parse(last));
}
