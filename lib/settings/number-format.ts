// Document number formats such as "INV-{YYYY}-{MM}-{SEQ:5}". Pure: the settings form uses it in
// the browser for the live example, and number assignment uses it on the server.

export const NUMBER_FORMAT_MAX_LENGTH = 40;
const TOKEN = /\{([^{}]*)\}/g;
// Literal text between tokens: what is safe in a file name, a URL and an email subject.
const LITERAL = /^[A-Za-z0-9\-_/.#]*$/;
const SEQ_TOKEN = /^SEQ(?::(\d+))?$/;

export type NumberReset = "never" | "yearly" | "monthly";

export interface NumberFormatParts {
  hasYear: boolean;
  hasMonth: boolean;
  seqCount: number;
}

/** Why a format cannot be used, or null when it is fine. */
export function numberFormatError(format: string): string | null {
  if (format.length === 0) return "Enter a format, for example INV-{YYYY}-{SEQ:5}.";
  if (format.length > NUMBER_FORMAT_MAX_LENGTH) return `Use at most ${NUMBER_FORMAT_MAX_LENGTH} characters.`;
  const parts = describe(format);
  if (typeof parts === "string") return parts;
  if (parts.seqCount === 0) return "Include the sequence number: {SEQ}, or {SEQ:5} to pad it to 5 digits.";
  if (parts.seqCount > 1) return "Use {SEQ} only once.";
  return null;
}

/** The same check, plus: a series that restarts every year or month needs that period in its numbers. */
export function numberFormatErrorForReset(format: string, reset: NumberReset): string | null {
  const error = numberFormatError(format);
  if (error) return error;
  const parts = describe(format);
  if (typeof parts === "string") return parts;
  if (reset !== "never" && !parts.hasYear) return "Numbers restart every period, so include {YYYY} or {YY}, or they would repeat.";
  if (reset === "monthly" && !parts.hasMonth) return "Numbers restart every month, so include {MM}, or they would repeat.";
  return null;
}

function describe(format: string): NumberFormatParts | string {
  const parts: NumberFormatParts = { hasYear: false, hasMonth: false, seqCount: 0 };
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    const literal = format.slice(last, match.index);
    if (!LITERAL.test(literal)) return literalError(literal);
    last = match.index + match[0].length;
    const token = match[1] ?? "";
    if (token === "YYYY" || token === "YY") parts.hasYear = true;
    else if (token === "MM") parts.hasMonth = true;
    else {
      const seq = SEQ_TOKEN.exec(token);
      if (!seq) return `Unknown token {${token}}. Use {YYYY}, {YY}, {MM}, {SEQ} or {SEQ:n}.`;
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > 10) return "The sequence width in {SEQ:n} must be between 1 and 10.";
      parts.seqCount += 1;
    }
  }
  const tail = format.slice(last);
  if (!LITERAL.test(tail)) return literalError(tail);
  return parts;
}

function literalError(literal: string): string {
  if (/[{}]/.test(literal)) return "Every { needs a matching } around a token such as {SEQ}.";
  return "Besides tokens, use only letters, digits and - _ / . #";
}

/**
 * The number for sequence value `seq` on `date` (calendar fields in UTC). Assumes a valid format.
 * {SEQ:n} pads to n digits and never truncates a longer value.
 */
export function formatDocumentNumber(format: string, { date, seq }: { date: Date; seq: number }): string {
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return format.replace(TOKEN, (whole, token: string) => {
    if (token === "YYYY") return year;
    if (token === "YY") return year.slice(-2);
    if (token === "MM") return month;
    const seqMatch = SEQ_TOKEN.exec(token);
    if (seqMatch) return String(seq).padStart(seqMatch[1] === undefined ? 1 : Number(seqMatch[1]), "0");
    return whole;
  });
}

/** The live example next to the field: the format applied to today and sequence 1, or the problem with it. */
export function numberFormatExample(format: string, now = new Date()): { ok: true; example: string } | { ok: false; error: string } {
  const error = numberFormatError(format);
  return error ? { ok: false, error } : { ok: true, example: formatDocumentNumber(format, { date: now, seq: 1 }) };
}
