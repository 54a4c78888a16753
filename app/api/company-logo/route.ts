import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { getCompanyLogo } from "@/lib/settings/queries";

export const dynamic = "force-dynamic";

/**
 * The company logo for any signed-in user. The CSP stops an SVG opened on its own from running
 * anything, even if a hostile one got past the upload check; nosniff pins the declared type.
 */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to see the logo.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const logo = await getCompanyLogo(await getDb());
  if (!logo) return new Response("No logo.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      "Content-Type": logo.mime,
      "Content-Length": String(logo.bytes.byteLength),
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=0, must-revalidate",
    },
  });
}
