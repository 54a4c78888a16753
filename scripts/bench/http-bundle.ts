// First-load JS of a page: the gzipped size of every script a browser fetches on its first visit,
// counted the way `next build` counts it for its route table, and that table's own figure beside it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { round } from "./stats";

export interface FirstLoadJs {
  route: string;
  /** the scripts counted, relative to .next */
  files: string[];
  bytes: number;
  /** gzip -9 (what next's gzip-size uses), in kB of 1,000 bytes as next prints them */
  kilobytes: number;
  /** the "First Load JS" column of the route's row in `next build`'s table, null when no build output was kept */
  nextPrinted: string | null;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** `manifest[key]` when it is a list of file names. */
function fileList(manifest: unknown, ...keys: string[]): string[] {
  let value: unknown = manifest;
  for (const key of keys) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The First Load JS column of `route`'s row in next build's route table ("├ ƒ /i/[token]   4.1 kB   128 kB"). */
export function printedFirstLoad(buildOutput: string, route: string): string | null {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const row = new RegExp(`\\s${escaped}\\s+([\\d.]+ k?B)\\s+([\\d.]+ [kM]?B)\\s*$`, "m").exec(buildOutput);
  return row?.[2] ?? null;
}

/**
 * The app page `route` (e.g. "/i/[token]"): its scripts in .next/app-build-manifest.json together
 * with the root main files every app page loads (.next/build-manifest.json rootMainFiles; a set,
 * so one the page list names already is counted once). Polyfills are left out, as next does:
 * only browsers without ES modules fetch them.
 */
export function firstLoadJs(distDir: string, route: string, buildOutput: string | null): FirstLoadJs {
  const pageFiles = fileList(readJson(path.join(distDir, "app-build-manifest.json")), "pages", `${route}/page`);
  if (pageFiles.length === 0) throw new Error(`.next/app-build-manifest.json lists no files for ${route}/page: is the build complete?`);
  const rootMain = fileList(readJson(path.join(distDir, "build-manifest.json")), "rootMainFiles");
  const files = [...new Set([...rootMain, ...pageFiles])].filter((file) => file.endsWith(".js"));
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length, 0);
  return { route, files, bytes, kilobytes: round(bytes / 1000, 1), nextPrinted: buildOutput ? printedFirstLoad(buildOutput, route) : null };
}
