import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { callRoute, carried, describeLog, leakedMarkers, type Observed, type RouteCall, type RouteOutcome } from "../security/calls";
import { hostileRequest } from "../security/hostile-requests";
import { AUDIENCES, ROUTE_ACCESS, routeRoleAllows, type Audience } from "../security/policy";
import { authCsrf, routeSamples } from "../security/route-samples";
import { loadRoutes, type RouteTarget } from "../security/targets";
import { createSecurityWorld, idPool } from "../security/world";

// Every route handler and method, as every audience, with hostile requests grown from its sample:
// never a throw or a 5xx, no console.error, a 4xx writes nothing, a role without access gets
// 401/403/404, and nobody outside the staff reads a customer whose invoice link they do not hold.

vi.mock("@/lib/auth", async (original) => (await import("../helpers/request-context")).withFakeSession(await original()));
vi.mock("next/headers", async (original) => (await import("../helpers/request-context")).withFakeHeaders(await original()));
vi.mock("next/cache", async (original) => (await import("../helpers/request-context")).withoutCache(await original()));

/** Requests per route, method and audience; SECURITY_FUZZ_RUNS raises it for a deeper run. */
const NUM_RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 20);
/** A role the route refuses is turned away before the request is read: a few runs show it. */
const REFUSED_RUNS = 4;
/** Routes that render PDFs or zips when a request is valid. */
const HEAVY_RUNS = Math.ceil(NUM_RUNS / 4);
const HEAVY = /\/pdf$|\/receipt$|\/zip$|\/reports\/\[report\]\/export$/;

/**
 * Auth.js logs every malformed request to its own endpoints (unknown action, forged session
 * cookie, missing CSRF token, unreadable body) through lib/auth's logger: the client's errors, not
 * a crash. Only those (an Auth.js error or its body-parse SyntaxError) are let through, only there.
 */
const AUTH_ROUTE = "/api/auth/[...nextauth]";
const isAuthJsClientLog = (args: unknown[]) => args.length === 1 && (args[0] instanceof SyntaxError || (args[0] instanceof Error && "type" in args[0]));

const world = await createSecurityWorld();
const routes = await loadRoutes();
const samples = routeSamples(world, world.a.token, await authCsrf(routes));

function checkRoute(route: RouteTarget, audience: Audience, call: RouteCall, seen: Observed<RouteOutcome>) {
  const { outcome, writes, consoleErrors } = seen;
  if (outcome.kind !== "response") throw new Error(`threw instead of answering: ${String(outcome.error)}`);
  const summary = `${outcome.status} ${outcome.text.slice(0, 300)}`;
  expect(outcome.status, summary).toBeLessThan(500);
  const errors = route.path === AUTH_ROUTE ? consoleErrors.filter((args) => !isAuthJsClientLog(args)) : consoleErrors;
  expect(errors.map(describeLog)).toEqual([]);
  if (outcome.status >= 400) expect(writes, summary).toEqual([]);

  const access = ROUTE_ACCESS[route.path];
  if (!access) throw new Error(`${route.path} has no declared access: see security-inventory`);
  const request = [call.path, call.query ?? "", carried(call.body), JSON.stringify(call.params ?? {})].join("\n");
  const holdsToken = access.kind === "permission" && access.orToken === true && request.includes(world.a.token);
  if (!routeRoleAllows(access, audience) && !holdsToken) expect([401, 403, 404], summary).toContain(outcome.status);
  if (audience === "anonymous" || audience === "customer") expect(leakedMarkers(world, outcome.text, request)).toEqual([]);
}

describe.each(routes.map((route) => [route.id, route] as const))("%s", (_id, route) => {
  const sample = samples[route.id];
  for (const audience of AUDIENCES) {
    const access = ROUTE_ACCESS[route.path];
    const served = access !== undefined && routeRoleAllows(access, audience);
    const runs = !served ? REFUSED_RUNS : HEAVY.test(route.path) ? HEAVY_RUNS : NUM_RUNS;
    it(`as ${audience}: no throw, no 5xx, no write on refusal, no leak`, async () => {
      if (!sample) throw new Error(`no sample request for ${route.id}: add one to tests/security/route-samples.ts`);
      await fc.assert(
        fc.asyncProperty(hostileRequest(route, sample, idPool(world, audience)), async (call) => {
          checkRoute(route, audience, call, await callRoute(world, route, audience, call));
        }),
        { numRuns: runs },
      );
    }, 30_000 + runs * 1_000);
  }
});

// What the fuzz found, pinned: a U+0000 in a list's search reached PostgreSQL and failed the query.
describe("a NUL character in a list search", () => {
  it.each(["GET /api/customers", "GET /api/invoices", "GET /api/customers/export", "GET /api/invoices/export"])("%s treats it as no search", async (id) => {
    const route = routes.find((candidate) => candidate.id === id);
    if (!route) throw new Error(`${id} is gone`);
    const { outcome } = await callRoute(world, route, "admin", { path: route.path, query: "q=%00" });
    expect(outcome.kind === "response" ? outcome.status : outcome).toBe(200);
  });
});
