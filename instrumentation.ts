// Opens, migrates and (on an empty database) seeds at server start, so the demo logins are printed
// in the console before the first request instead of during it. The NEXT_RUNTIME test must be in
// this shape: Next removes the import from the edge build only when it can see it statically.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("@/db");
    await getDb();
  }
}
