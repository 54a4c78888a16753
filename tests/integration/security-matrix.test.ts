import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { customers } from "@/db/schema";
import { actionSamples } from "../security/action-samples";
import { callAction, callRoute, leakedMarkers, NO_PERMISSION, nextControlFlow, SESSION_ENDED, type RouteCall } from "../security/calls";
import { accessAllows, AUDIENCES, GUARDED_LAYOUTS, ROUTE_ACCESS, routeRoleAllows, UNWRAPPED_ACTIONS, type Audience } from "../security/policy";
import { authCsrf, bodyOf, forgedToken, routeSamples, type RouteSample } from "../security/route-samples";
import { fillRoute, loadActions, loadRoutes, type RouteTarget } from "../security/targets";
import { createSecurityWorld } from "../security/world";
import { actAs } from "../helpers/request-context";

// The role × action and role × route matrix, listed from the code (tests/security/targets.ts):
// every audience an action or route must refuse gets the refusal, and nothing is written.

vi.mock("@/lib/auth", async (original) => (await import("../helpers/request-context")).withFakeSession(await original()));
vi.mock("next/headers", async (original) => (await import("../helpers/request-context")).withFakeHeaders(await original()));
vi.mock("next/cache", async (original) => (await import("../helpers/request-context")).withoutCache(await original()));

const world = await createSecurityWorld();
const actions = await loadActions();
const routes = await loadRoutes();
const samples = actionSamples(world);
const csrf = await authCsrf(routes);
const forged = routeSamples(world, forgedToken(world.a.token), csrf);
const genuine = routeSamples(world, world.a.token, csrf);

function routeCall(route: RouteTarget, sample: RouteSample | undefined): RouteCall {
  if (!sample) throw new Error(`no sample request for ${route.id}: add one to tests/security/route-samples.ts`);
  const { path: filled, params } = fillRoute(route.path, sample.params ?? {});
  return { path: filled, params, query: sample.query, headers: sample.headers, body: bodyOf(sample.body) };
}

describe("the write probe", () => {
  it("counts rows that stay written; not a statement that matched nothing, not a rolled-back write", async () => {
    const mark = await world.probe.mark();
    await world.db.update(customers).set({ notes: "probe" }).where(eq(customers.id, world.a.customer.id));
    await world.db.update(customers).set({ notes: "probe" }).where(eq(customers.id, "00000000-0000-4000-8000-000000000000"));
    await world.db
      .transaction(async (tx) => {
        await tx.update(customers).set({ notes: "rolled back" }).where(eq(customers.id, world.b.customer.id));
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await world.probe.since(mark)).toEqual([{ table: "customers", op: "UPDATE", rows: 1 }]);
  });
});

describe("server actions × audiences", () => {
  it("each have a sample input", () => {
    expect(actions.filter((action) => !(action.id in samples)).map((action) => action.id)).toEqual([]);
    expect(Object.keys(samples).filter((id) => !actions.some((action) => action.id === id))).toEqual([]);
  });

  for (const action of actions) {
    const access = action.access ?? UNWRAPPED_ACTIONS[action.id]?.access;
    for (const audience of AUDIENCES) {
      if (!access || accessAllows(access, audience)) continue;
      it(`${action.id} refuses ${audience} and writes nothing`, async () => {
        const { outcome, writes, consoleErrors } = await callAction(world, action, audience, samples[action.id]);
        expect(outcome).toEqual({ kind: "result", result: { ok: false, error: audience === "anonymous" ? SESSION_ENDED : NO_PERMISSION } });
        expect(writes).toEqual([]);
        expect(consoleErrors).toEqual([]);
      });
    }
  }
});

describe("route handlers × audiences", () => {
  it("each method has a sample request", () => {
    expect(routes.filter((route) => !(route.id in genuine)).map((route) => route.id)).toEqual([]);
    expect(Object.keys(genuine).filter((id) => !routes.some((route) => route.id === id))).toEqual([]);
  });

  for (const route of routes) {
    const access = ROUTE_ACCESS[route.path];
    if (!access) continue;
    for (const audience of AUDIENCES) {
      if (access.kind === "permission" || access.kind === "signed-in") {
        if (!routeRoleAllows(access, audience)) {
          it(`${route.id} refuses ${audience}, shows no customer's data and writes nothing`, async () => {
            const { outcome, writes, consoleErrors } = await callRoute(world, route, audience, routeCall(route, genuine[route.id]));
            expect(outcome.kind === "response" && [401, 403, 404].includes(outcome.status), JSON.stringify(outcome).slice(0, 300)).toBe(true);
            expect(outcome.kind === "response" ? leakedMarkers(world, outcome.text, "") : []).toEqual([]);
            expect(writes).toEqual([]);
            expect(consoleErrors).toEqual([]);
          });
        } else {
          it(`${route.id} serves ${audience} the sample request`, async () => {
            const { outcome, consoleErrors } = await callRoute(world, route, audience, routeCall(route, genuine[route.id]));
            expect(outcome.kind === "response" ? outcome.status : outcome).toBeLessThan(400);
            expect(consoleErrors).toEqual([]);
          });
        }
      } else if (access.kind === "token" || access.kind === "webhook") {
        const what = access.kind === "token" ? "a forged invoice link" : "an unsigned delivery";
        it(`${route.id} refuses ${what} from ${audience} and writes nothing`, async () => {
          const { outcome, writes, consoleErrors } = await callRoute(world, route, audience, routeCall(route, forged[route.id]));
          expect(outcome.kind === "response" && outcome.status >= 400 && outcome.status < 500, JSON.stringify(outcome).slice(0, 300)).toBe(true);
          expect(outcome.kind === "response" ? leakedMarkers(world, outcome.text, "") : []).toEqual([]);
          expect(writes).toEqual([]);
          expect(consoleErrors).toEqual([]);
        });
      } else {
        it(`${route.id} answers ${audience} without an error`, async () => {
          const { outcome, consoleErrors } = await callRoute(world, route, audience, routeCall(route, genuine[route.id]));
          expect(outcome.kind === "response" ? outcome.status : outcome).toBeLessThan(400);
          expect(consoleErrors).toEqual([]);
        });
      }
    }
  }

  it("opens a token route and the invoice PDF to anyone holding the real link", async () => {
    for (const id of ["POST /api/pay/stripe/checkout", "POST /api/pay/paypal/orders"]) {
      const route = routes.find((candidate) => candidate.id === id);
      if (!route) throw new Error(`${id} is gone`);
      const { outcome } = await callRoute(world, route, "anonymous", routeCall(route, genuine[id]));
      expect(outcome.kind === "response" ? outcome.status : outcome, id).toBeLessThan(400);
    }
    const pdf = routes.find((candidate) => candidate.id === "GET /api/invoices/[id]/pdf");
    if (!pdf) throw new Error("the invoice PDF route is gone");
    const withToken = routeCall(pdf, { ...genuine[pdf.id], query: `token=${world.a.token}&inline=1` });
    const { outcome } = await callRoute(world, pdf, "customer", withToken);
    expect(outcome.kind === "response" ? outcome.status : outcome).toBe(200);
    // A's own document, and nothing of B's
    expect(outcome.kind === "response" ? outcome.text : "").toContain(world.a.invoice.number);
    expect(outcome.kind === "response" ? leakedMarkers(world, outcome.text, world.a.token) : []).toEqual([]);
  });
});

describe("page layouts × audiences", () => {
  const render = async (layout: string, audience: Audience) => {
    actAs(audience === "anonymous" ? null : world.users[audience].id);
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), layout))) as { default: (props: { children: null }) => Promise<unknown> };
    try {
      await mod.default({ children: null });
      return { kind: "rendered" as const };
    } catch (error) {
      const flow = nextControlFlow(error);
      if (!flow) throw error;
      return flow;
    }
  };

  for (const [layout, roles] of Object.entries(GUARDED_LAYOUTS)) {
    for (const audience of AUDIENCES) {
      const allowed = audience !== "anonymous" && roles.includes(audience);
      it(`${layout} ${allowed ? "lets in" : "turns away"} ${audience}`, async () => {
        const outcome = await render(layout, audience);
        if (allowed) expect(outcome).toEqual({ kind: "rendered" });
        else if (audience === "anonymous") expect(outcome).toEqual({ kind: "redirect", location: "/login" });
        else expect(["redirect", "not-found"]).toContain(outcome.kind);
      });
    }
  }
});
