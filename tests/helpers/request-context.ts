import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";

/**
 * A request for server actions, route handlers and layouts outside Next: who is signed in, the
 * request headers and the cookie jar. Only the session lookup (Auth.js `auth()`), next/headers and
 * next/cache are faked; getCurrentUser, the permission checks and the database are the real ones.
 *
 * In a test file, before anything imports the app:
 *   vi.mock("@/lib/auth", async (original) => (await import("../helpers/request-context")).withFakeSession(await original()));
 *   vi.mock("next/headers", async (original) => (await import("../helpers/request-context")).withFakeHeaders(await original()));
 *   vi.mock("next/cache", async (original) => (await import("../helpers/request-context")).withoutCache(await original()));
 * and point getDb() at the test database with setAppDatabase().
 */

const state = { userId: null as string | null, headers: new Headers(), cookies: new Map<string, string>() };

const BASE_HEADERS: Record<string, string> = {
  host: "localhost:3000",
  "user-agent": "cleanpay-security-suite",
  "x-forwarded-for": "203.0.113.7",
};

/** The next calls run as this user (null: anonymous), with these extra request headers and no cookies. */
export function actAs(userId: string | null, headers: Record<string, string> = {}): void {
  state.userId = userId;
  state.headers = new Headers({ ...BASE_HEADERS, ...headers });
  state.cookies.clear();
}

/** getDb() hands out the process's database from here: point it at the test file's one. */
export function setAppDatabase(database: { db: unknown; close(): Promise<void> }): void {
  (globalThis as { __cleanpayDb?: Promise<typeof database> }).__cleanpayDb = Promise.resolve(database);
}

/** Auth.js's session for the acting user, carrying the row's current session version (as a fresh cookie would). */
async function fakeAuth() {
  const userId = state.userId;
  if (!userId) return null;
  const db = await getDb();
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  if (!row) return null;
  return { user: { id: userId }, sessionVersion: row.sessionVersion, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

export function withFakeSession<T extends object>(original: T) {
  return { ...original, auth: fakeAuth };
}

type CookieOptions = { name?: string; value?: string };

/** The subset of Next's cookie store that the app and Auth.js use. */
const cookieJar = {
  get: (name: string) => {
    const value = state.cookies.get(name);
    return value === undefined ? undefined : { name, value };
  },
  getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => state.cookies.has(name),
  set: (nameOrOptions: string | CookieOptions, value?: string) => {
    const name = typeof nameOrOptions === "string" ? nameOrOptions : (nameOrOptions.name ?? "");
    state.cookies.set(name, typeof nameOrOptions === "string" ? (value ?? "") : (nameOrOptions.value ?? ""));
    return cookieJar;
  },
  delete: (name: string) => {
    state.cookies.delete(name);
    return cookieJar;
  },
  toString: () => [...state.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
};

export function withFakeHeaders<T extends object>(original: T) {
  return { ...original, headers: async () => state.headers, cookies: async () => cookieJar };
}

/** Cache invalidation needs Next's request store; outside Next there is no cache to invalidate. */
export function withoutCache<T extends object>(original: T) {
  return { ...original, revalidatePath: () => undefined, revalidateTag: () => undefined };
}
