// A real sign-in over HTTP, the way a browser does it with Auth.js: fetch the CSRF token, post the
// credentials form, keep the cookies. The bench then sends the session cookie with every request.

/** name → value of every cookie the server has set so far. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (!pair || at <= 0) continue;
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  has(pattern: RegExp): boolean {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/**
 * Signs `email` in at `baseUrl` and returns the Cookie header of the session. Fails unless the
 * cookie really opens `checkPath` (200, not the redirect to /login).
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string, checkPath: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: unknown };
  if (typeof csrfToken !== "string") throw new Error("GET /api/auth/csrf gave no csrfToken.");

  const form = new URLSearchParams({ csrfToken, email, password, code: "", callbackUrl: `${baseUrl}${checkPath}` });
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: form,
    redirect: "manual",
  });
  jar.take(callback);
  if (!jar.has(/session-token$/)) {
    throw new Error(`Sign-in as ${email} set no session cookie (status ${callback.status}, location ${callback.headers.get("location") ?? "none"}).`);
  }

  const cookie = jar.header();
  const check = await fetch(`${baseUrl}${checkPath}`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (check.status !== 200) {
    throw new Error(`The session cookie does not open ${checkPath}: status ${check.status}, location ${check.headers.get("location") ?? "none"}.`);
  }
  await check.arrayBuffer();
  return cookie;
}
