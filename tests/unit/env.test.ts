import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("applies defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.SEED_DEMO).toBe(true);
    expect(env.AUTH_TRUST_HOST).toBe(false);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "" }).RESEND_API_KEY).toBeUndefined();
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", APP_URL: "not a url" })).toThrowError(
      /DATABASE_URL: must be a postgres:\/\/[\s\S]*AUTH_SECRET: must be at least 32 characters[\s\S]*APP_URL: must be an absolute URL/,
    );
  });

  it("accepts a PostgreSQL URL and boolean strings", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u@localhost/db", AUTH_TRUST_HOST: "true", SEED_DEMO: "false" });
    expect(env.DATABASE_URL).toBe("postgresql://u@localhost/db");
    expect(env.AUTH_TRUST_HOST).toBe(true);
    expect(env.SEED_DEMO).toBe(false);
  });
});
