import { describe, expect, it } from "vitest";
import { ADMIN_HOME, ADMIN_PAGES, STAFF_PAGES, WRITER_PAGES } from "@/e2e/support/route-table";
import { FILE_PERMISSIONS, GUARDED_LAYOUTS, PERMISSION_EXCEPTIONS, PUBLIC_ACTIONS, PUBLIC_PAGES, ROUTE_ACCESS, SIGNED_IN_ACTIONS, UNWRAPPED_ACTIONS } from "../security/policy";
import { groupsOf, isServerActionFile, listPages, loadActions, loadRoutes, urlPathOf } from "../security/targets";

// Every action, route handler and page is found from the files under app/ and must have a gate
// declared in tests/security/policy.ts that matches what the code records. A new one without a
// permission check, or without a declaration, fails here (and the matrix then checks the gate).

const actions = await loadActions();
const routes = await loadRoutes();
const pages = listPages();

describe("discovery", () => {
  it("reads the directive only as a file's first statement", () => {
    expect(isServerActionFile('"use server";\n\nexport const x = 1;')).toBe(true);
    expect(isServerActionFile("// why\n/* more */\n'use server'\nexport {}")).toBe(true);
    expect(isServerActionFile('"use client";\n"use server";')).toBe(false);
    expect(isServerActionFile('export async function f() {\n  "use server";\n}')).toBe(false);
    expect(urlPathOf("app/(staff)/invoices/[id]/page.tsx")).toBe("/invoices/[id]");
    expect(groupsOf("app/(staff)/invoices/[id]/page.tsx")).toEqual(["(staff)"]);
  });

  it("finds the server actions, route handlers and pages", () => {
    // floors, not counts: they only catch discovery silently finding nothing
    expect(actions.length).toBeGreaterThanOrEqual(80);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(actions.map((action) => action.id)).toContain("app/(staff)/invoices/bulk-actions.ts#bulkVoid");
    expect(routes.map((route) => route.id)).toContain("POST /api/invoices/zip");
  });
});

describe("server actions", () => {
  it("are all built by lib/actions.ts, so each has a recorded gate", () => {
    const unrecorded = actions.filter((action) => !action.access && !(action.id in UNWRAPPED_ACTIONS)).map((action) => action.id);
    expect(unrecorded).toEqual([]);
    const stale = Object.keys(UNWRAPPED_ACTIONS).filter((id) => !actions.some((action) => action.id === id && !action.access));
    expect(stale).toEqual([]);
  });

  it("are public only when listed as public", () => {
    const publicOnes = actions.filter((action) => action.access?.kind === "public").map((action) => action.id);
    expect(publicOnes.sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it("need only a session only when they act on the caller's own account", () => {
    const signedIn = actions.filter((action) => action.access?.kind === "signed-in").map((action) => action.id);
    expect(signedIn.sort()).toEqual([...SIGNED_IN_ACTIONS].sort());
  });

  it("otherwise need the permission declared for them", () => {
    const gated = actions.filter((action) => action.access?.kind === "permission");
    expect(gated.length).toBeGreaterThan(60);
    const actual = Object.fromEntries(gated.map((action) => [action.id, action.access?.kind === "permission" ? action.access.permission : null]));
    const declared = Object.fromEntries(gated.map((action) => [action.id, PERMISSION_EXCEPTIONS[action.id] ?? FILE_PERMISSIONS[action.file] ?? "undeclared"]));
    expect(actual).toEqual(declared);
    const files = new Set(gated.map((action) => action.file));
    expect(Object.keys(FILE_PERMISSIONS).filter((file) => !files.has(file))).toEqual([]);
    expect(Object.keys(PERMISSION_EXCEPTIONS).filter((id) => !(id in actual))).toEqual([]);
  });
});

describe("route handlers", () => {
  it("each have their access declared, and every declaration has its route", () => {
    const paths = [...new Set(routes.map((route) => route.path))].sort();
    expect(paths.filter((routePath) => !(routePath in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((routePath) => !paths.includes(routePath))).toEqual([]);
  });

  it("live under /api", () => {
    expect(routes.filter((route) => !route.path.startsWith("/api/")).map((route) => route.id)).toEqual([]);
  });
});

describe("pages", () => {
  it("are public by declaration or sit under a layout that gates a role", () => {
    const ungated = pages.filter((page) => !PUBLIC_PAGES.includes(page.path) && !page.layouts.some((layout) => layout in GUARDED_LAYOUTS));
    expect(ungated.map((page) => page.file)).toEqual([]);
    const stale = PUBLIC_PAGES.filter((publicPath) => !pages.some((page) => page.path === publicPath));
    expect(stale).toEqual([]);
  });

  it("declared public are not also inside a gated group", () => {
    const both = pages.filter((page) => PUBLIC_PAGES.includes(page.path) && page.layouts.some((layout) => layout in GUARDED_LAYOUTS));
    expect(both.map((page) => page.file)).toEqual([]);
  });

  it("of the staff and admin areas each have a row in the e2e route matrix (static ones)", () => {
    const table = new Set([...Object.keys(STAFF_PAGES), ...Object.keys(WRITER_PAGES), ...Object.keys(ADMIN_PAGES), ADMIN_HOME.path]);
    const areaPages = pages.filter((page) => page.isStatic && (page.file.startsWith("app/(staff)/") || page.file.startsWith("app/(admin)/")));
    expect(areaPages.length).toBeGreaterThan(20);
    expect(areaPages.map((page) => page.path).filter((pagePath) => !table.has(pagePath))).toEqual([]);
  });

  it("in the e2e route matrix all exist (a [param] page may stand for a table row)", () => {
    const patterns = pages.map((page) => new RegExp(`^${page.path.replace(/\[[^\]]+\]/g, "[^/]+")}$`));
    const table = [...Object.keys(STAFF_PAGES), ...Object.keys(WRITER_PAGES), ...Object.keys(ADMIN_PAGES), ADMIN_HOME.path];
    expect(table.filter((pagePath) => !patterns.some((pattern) => pattern.test(pagePath)))).toEqual([]);
  });
});
