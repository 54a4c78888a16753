// Answers of the JSON read API (app/api/invoices, app/api/customers). Plain Web API Responses.

/** Money is bigint minor units: as a JSON number it would round past 2^53, so it goes out as its exact decimal string. */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** `body` as JSON (bigints as strings, dates as ISO strings), never cached: it is one user's view of the books. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body, bigintAsString), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** A refusal a program reads: `{ "error": message }`. */
export function jsonError(message: string, status: number): Response {
  return jsonResponse({ error: message }, status);
}
