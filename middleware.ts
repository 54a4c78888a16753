import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";

// Comfort only: sends anonymous visitors to /login. Layouts, actions and route handlers check the
// session and the permission again, so nothing here is the last line of defence.
const { auth } = NextAuth(authConfig);

// /api/pay: the customer pays from the public page; the invoice token in the request is the key
const PUBLIC_PREFIXES = ["/login", "/forgot-password", "/reset-password", "/i/", "/api/auth", "/api/health", "/api/webhooks", "/api/pay"];

// the public invoice page's "Download PDF": the route itself checks that the token opens this invoice
const PUBLIC_PDF = /^\/api\/invoices\/[^/]+\/pdf$/;

function isPublic(pathname: string, searchParams: URLSearchParams): boolean {
  if (PUBLIC_PDF.test(pathname) && searchParams.has("token")) return true;
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

export default auth((request) => {
  const { pathname, search, searchParams } = request.nextUrl;
  if (isPublic(pathname, searchParams) || request.auth) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ ok: false, error: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp)$).*)"],
};
