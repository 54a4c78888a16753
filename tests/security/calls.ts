import { NextRequest } from "next/server";
import { vi } from "vitest";
import { pdfText } from "../unit/pdf-fixtures";
import { actAs } from "../helpers/request-context";
import { asText, stringify } from "./hostile";
import type { Audience } from "./policy";
import type { ActionTarget, RouteTarget } from "./targets";
import type { SecurityWorld } from "./world";

// Runs one action or route handler as one audience, the way Next would, and records everything
// the properties look at: what came back (or was thrown), the rows written, console.error calls.

export const SESSION_ENDED = "Your session has ended. Sign in again.";
export const NO_PERMISSION = "You do not have permission to do this.";
/** lib/actions.ts's answer for an unexpected error: the action's 500. */
export const GENERIC_FAILURE = "Something went wrong on our side. Nothing was saved; try again.";

export type Writes = { table: string; op: string; rows: number }[];

export type ActionOutcome =
  | { kind: "result"; result: unknown }
  | { kind: "redirect"; location: string }
  | { kind: "not-found" }
  | { kind: "threw"; error: unknown };

export interface Observed<T> {
  outcome: T;
  writes: Writes;
  consoleErrors: unknown[][];
}

const userIdOf = (world: SecurityWorld, audience: Audience) => (audience === "anonymous" ? null : world.users[audience].id);

/** Next's control-flow errors (redirect(), notFound()) carry their meaning in `digest`. */
export function nextControlFlow(error: unknown): ActionOutcome | null {
  const digest = typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : "";
  if (digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", location: digest.split(";")[2] ?? "" };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404" || digest === "NEXT_NOT_FOUND") return { kind: "not-found" };
  return null;
}

async function observe<T>(world: SecurityWorld, audience: Audience, headers: Record<string, string>, run: () => Promise<T>): Promise<Observed<T>> {
  actAs(userIdOf(world, audience), headers);
  const mark = await world.probe.mark();
  const consoleErrors: unknown[][] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
  try {
    const outcome = await run();
    return { outcome, writes: await world.probe.since(mark), consoleErrors };
  } finally {
    spy.mockRestore();
  }
}

export function callAction(world: SecurityWorld, target: ActionTarget, audience: Audience, input: unknown): Promise<Observed<ActionOutcome>> {
  return observe(world, audience, {}, async (): Promise<ActionOutcome> => {
    try {
      return { kind: "result", result: await target.fn(input) };
    } catch (error) {
      return nextControlFlow(error) ?? { kind: "threw", error };
    }
  });
}

export interface RouteCall {
  path: string;
  query?: string;
  params?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: BodyInit;
}

export type RouteOutcome = { kind: "response"; status: number; text: string } | { kind: "threw"; error: unknown };

/** The body as text a person would read: PDFs through pdftotext, anything else as UTF-8 (zip names show as they are stored). */
async function readable(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get("content-type") ?? "";
  const head = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  const body = type.includes("pdf") && bytes.length > 0 ? pdfText(bytes) : bytes.toString(type.includes("zip") ? "latin1" : "utf8");
  return `${head}\n\n${body}`;
}

export function callRoute(world: SecurityWorld, target: RouteTarget, audience: Audience, call: RouteCall): Promise<Observed<RouteOutcome>> {
  return observe(world, audience, call.headers ?? {}, async (): Promise<RouteOutcome> => {
    try {
      const url = `http://localhost:3000${call.path}${call.query ? `?${call.query}` : ""}`;
      const hasBody = target.method !== "GET" && target.method !== "HEAD" && call.body !== undefined;
      const request = new NextRequest(url, { method: target.method, headers: call.headers, body: hasBody ? call.body : undefined });
      const response = await target.handler(request, { params: Promise.resolve(call.params ?? {}) });
      return { kind: "response", status: response.status, text: await readable(response) };
    } catch (error) {
      return { kind: "threw", error };
    }
  });
}

/**
 * The markers in `text` of a customer the audience may not see: B always, A unless the request
 * carried A's invoice link. A marker the request itself carried (echoed back) is no leak.
 */
export function leakedMarkers(world: SecurityWorld, text: string, requestCarried: string): string[] {
  const aAllowed = requestCarried.includes(world.a.token);
  const foreign = [...world.b.markers, ...(aAllowed ? [] : world.a.markers)];
  return foreign.filter((marker) => marker !== "" && text.includes(marker) && !requestCarried.includes(marker));
}

/** Everything a request carried, as text, for leakedMarkers. */
export function carried(input: unknown): string {
  if (input instanceof FormData) return stringify([...input].map(([key, value]) => [key, typeof value === "string" ? value : value.name]));
  if (input instanceof URLSearchParams) return input.toString();
  if (input instanceof Uint8Array) return Buffer.from(input).toString("latin1");
  return typeof input === "string" ? input : stringify(input);
}

/** Whether anything was added to Object.prototype (a prototype-pollution hit). */
export function prototypePolluted(): string[] {
  const probe: Record<string, unknown> = {};
  return ["isAdmin", "role", "userId", "polluted"].filter((key) => key in probe).concat(Object.keys(Object.prototype));
}

/** One console.error call as a line for a failure message. */
export function describeLog(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : asText(arg))).join(" ").slice(0, 400);
}
