import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Access } from "@/lib/actions";

// Finds every server action, route handler and page from the files under app/, with no list kept
// by hand: a new one is in the suite the moment its file exists.

const ROOT = process.cwd();

/** Repository-relative paths (forward slashes) of every file under app/. */
export function appFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else out.push(relative);
    }
  };
  walk("app");
  return out.sort();
}

/** Whether the file's first statement is the "use server" directive (comments may come before it). */
export function isServerActionFile(source: string): boolean {
  const code = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^(["'])use server\1\s*(;|\n|$)/.test(code);
}

/** The URL path of a file under app/: route groups dropped, dynamic segments kept as written. */
export function urlPathOf(file: string): string {
  const segments = file.split("/").slice(1, -1).filter((segment) => !/^\(.+\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The route groups a file sits in, outermost first. */
export function groupsOf(file: string): string[] {
  return file.split("/").filter((segment) => /^\(.+\)$/.test(segment));
}

export type ActionFn = (input: unknown) => Promise<unknown>;

export interface ActionTarget {
  /** "app/(staff)/products/actions.ts#createProductAction" */
  id: string;
  file: string;
  name: string;
  fn: ActionFn;
  /** What lib/actions.ts recorded when it built the action; undefined when something else built it. */
  access: Access | undefined;
}

const load = (file: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path.join(ROOT, file));

/** Every function exported by a "use server" file under app/. */
export async function loadActions(): Promise<ActionTarget[]> {
  const { actionAccess } = await import("@/lib/actions");
  const files = appFiles().filter((file) => /\.tsx?$/.test(file) && isServerActionFile(readFileSync(path.join(ROOT, file), "utf8")));
  const targets: ActionTarget[] = [];
  for (const file of files) {
    for (const [name, value] of Object.entries(await load(file))) {
      if (typeof value !== "function") continue;
      targets.push({ id: `${file}#${name}`, file, name, fn: (input) => Promise.resolve(value(input)), access: actionAccess(value) });
    }
  }
  return targets;
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

export interface RouteTarget {
  /** "GET /api/invoices/[id]/pdf" */
  id: string;
  file: string;
  /** "/api/invoices/[id]/pdf" */
  path: string;
  method: HttpMethod;
  handler: RouteHandler;
}

/** Every exported HTTP method of every app/**\/route.ts. */
export async function loadRoutes(): Promise<RouteTarget[]> {
  const targets: RouteTarget[] = [];
  for (const file of appFiles().filter((file) => /\/route\.tsx?$/.test(file))) {
    const exports = await load(file);
    for (const method of HTTP_METHODS) {
      const handler = exports[method];
      if (typeof handler !== "function") continue;
      const routePath = urlPathOf(file);
      targets.push({ id: `${method} ${routePath}`, file, path: routePath, method, handler: (request, context) => handler(request, context) });
    }
  }
  return targets;
}

export interface PageTarget {
  file: string;
  /** "/invoices/[id]" */
  path: string;
  /** no [param] segment */
  isStatic: boolean;
  /** layout files from app/ down to the page's folder */
  layouts: string[];
}

export function listPages(): PageTarget[] {
  const files = appFiles();
  return files
    .filter((file) => /\/page\.tsx?$/.test(file))
    .map((file) => {
      const dirs = file.split("/").slice(0, -1);
      const layouts = dirs.map((_, i) => dirs.slice(0, i + 1).join("/")).flatMap((dir) => files.filter((candidate) => candidate === `${dir}/layout.tsx` || candidate === `${dir}/layout.ts`));
      const pagePath = urlPathOf(file);
      return { file, path: pagePath, isStatic: !pagePath.includes("["), layouts };
    });
}

/** Fills a route pattern's [param] / [...param] segments; returns the URL path and Next's params object. */
export function fillRoute(pattern: string, values: Record<string, string | string[]>): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const filled = pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, rest: string | undefined, name: string) => {
    const value = values[name] ?? (rest ? ["x"] : "x");
    params[name] = value;
    return (Array.isArray(value) ? value : [value]).map((part) => encodeURIComponent(part)).join("/");
  });
  return { path: filled, params };
}
