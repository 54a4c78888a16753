import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { requestMeta } from "@/lib/auth/request-meta";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** A refusal the user should read as it is (anything else becomes a generic message). */
export { UserError as ActionError } from "@/lib/errors";

interface Context<U> {
  db: Db;
  user: U;
  actor: Actor;
}

/** Who may call an action: recorded per built action so tests can list every action's gate. */
export type Access = { kind: "public" } | { kind: "signed-in" } | { kind: "permission"; permission: Permission };
type Handler<S extends z.ZodType, U, T> = (input: z.output<S>, ctx: Context<U>) => Promise<T>;

/** FormData becomes a plain object; a repeated key becomes an array. */
function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

const NUL_MESSAGE = "Remove the invisible control character (U+0000) from this field.";

/**
 * Where the input holds a U+0000 character: PostgreSQL text cannot store one and refuses the whole
 * statement, so it is turned back here as a field error. Walks without recursion (any depth) and
 * visits each object once (a decoded reply may share or cycle references).
 */
function nulFieldErrors(input: unknown): FieldErrors | null {
  const errors: FieldErrors = {};
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[input, ""]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    if (typeof value === "string") {
      if (value.includes("\u0000")) errors[path || "_form"] = [NUL_MESSAGE];
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, path ? `${path}.${i}` : String(i)]));
    } else if (value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      for (const [key, item] of Object.entries(value)) stack.push([item, path ? `${path}.${key}` : key]);
    }
  }
  return Object.keys(errors).length ? errors : null;
}

// Every action built here, with its gate. Weak keys: the registry never keeps a module alive.
const registry = new WeakMap<object, Access>();

/** The gate an action was built with, or undefined when it was not built by this module. */
export function actionAccess(action: unknown): Access | undefined {
  return typeof action === "function" ? registry.get(action) : undefined;
}

function build<S extends z.ZodType, U, T>(access: Access, schema: S, handler: Handler<S, U, T>) {
  const action = async (input: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (access.kind !== "public" && !user) return { ok: false, error: "Your session has ended. Sign in again." };
      if (access.kind === "permission" && user && !can(user.role, access.permission)) {
        return { ok: false, error: "You do not have permission to do this." };
      }
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const nul = nulFieldErrors(raw);
      if (nul) return { ok: false, error: "Check the highlighted fields.", fieldErrors: nul };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const meta = requestMeta(await headers());
      const actor: Actor = { userId: user?.id ?? null, label: user?.email ?? null, ...meta };
      const data = await handler(parsed.data, { db: await getDb(), user: user as U, actor });
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error("Server action failed", error);
      return { ok: false, error: "Something went wrong on our side. Nothing was saved; try again." };
    }
  };
  registry.set(action, access);
  return action;
}

/** Anyone, signed in or not (login, forgot password). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, CurrentUser | null, T>) {
  return build<S, CurrentUser | null, T>({ kind: "public" }, schema, handler);
}

/** Any signed-in user, acting on their own account. */
export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, CurrentUser, T>) {
  return build<S, CurrentUser, T>({ kind: "signed-in" }, schema, handler);
}

/** A signed-in user whose role grants `permission`. */
export function permissionAction<S extends z.ZodType, T>(permission: Permission, schema: S, handler: Handler<S, CurrentUser, T>) {
  return build<S, CurrentUser, T>({ kind: "permission", permission }, schema, handler);
}
