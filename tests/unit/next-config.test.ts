import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const configPath = path.resolve("next.config.mjs");

/** Loads next.config.mjs in a fresh Node process, as `next` would, for one phase. */
function loadConfig(phase: string, env: Record<string, string>, cwd = process.cwd()) {
  const script = `import(${JSON.stringify(configPath)}).then(async (m) => { const c = m.default(${JSON.stringify(phase)}); const h = await c.headers(); console.log(JSON.stringify({ secret: process.env.AUTH_SECRET ?? null, headers: h[0].headers })); })`;
  const { PATH, HOME } = process.env;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd,
    env: { PATH: PATH ?? "", HOME: HOME ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
  });
}

describe("next.config.mjs", () => {
  it("refuses to start a production server without AUTH_SECRET and says how to set it", () => {
    const result = loadConfig("phase-production-server", {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET is not set");
    expect(result.stderr).toContain("AUTH_TRUST_HOST=true");
  });

  it("generates a development secret once and keeps it under .data/", () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "cleanpay-config-"));
    const first = loadConfig("phase-development-server", {}, cwd);
    expect(first.status, first.stderr).toBe(0);
    const stored = readFileSync(path.join(cwd, ".data", "auth-secret"), "utf8");
    expect(stored.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(first.stdout).secret).toBe(stored);
    const second = loadConfig("phase-development-server", {}, cwd);
    expect(JSON.parse(second.stdout).secret).toBe(stored);
  });

  it("sends the security headers", () => {
    const result = loadConfig("phase-production-server", { AUTH_SECRET: "x".repeat(40) });
    const headers = Object.fromEntries((JSON.parse(result.stdout).headers as { key: string; value: string }[]).map((h) => [h.key, h.value]));
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toContain("max-age=");
  });
});
