/** The largest CSV the import accepts (the browser holds every row in memory). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How much of the file the binary test looks at. */
export const SNIFF_BYTES = 64 * 1024;

export type FileInspection = { ok: true; hasBom: boolean } | { ok: false; error: string };

const MB = 1024 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** NUL bytes, or more than 1% control characters other than tab/CR/LF/FF, mean "not text". */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
    else if (byte === 0x7f) control++;
  }
  return control > Math.max(8, sample.length / 100);
}

/**
 * Checks a CSV file before it is parsed: size, emptiness, binary content and UTF-8. `bytes` is the
 * start of the file (the whole file when it fits the limit); `size` is the file's full size. A
 * sample shorter than the file may end in the middle of a character, which is not an error.
 * Pure, so it runs in the browser and in unit tests alike.
 */
export function inspectCsvFile(bytes: Uint8Array, size: number): FileInspection {
  if (size > MAX_IMPORT_BYTES) {
    return { ok: false, error: `This file is ${(size / MB).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files.` };
  }
  if (size === 0 || bytes.length === 0) return { ok: false, error: "This file is empty." };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, error: "This file is UTF-16, not UTF-8. Save it as CSV UTF-8 and try again." };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || looksBinary(bytes.subarray(0, SNIFF_BYTES))) {
    return { ok: false, error: "This looks like a binary file (e.g. an Excel .xlsx), not CSV. Save it as CSV UTF-8 and try again." };
  }
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    // stream: a sample cut mid-character keeps its incomplete tail instead of failing on it
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body, { stream: bytes.length < size });
  } catch {
    return {
      ok: false,
      error: "This file is not UTF-8 (it may be Windows-1252 or Latin-1). In your spreadsheet choose Save as → CSV UTF-8 and try again.",
    };
  }
  if (text.trim() === "") return { ok: false, error: "This file is empty." };
  return { ok: true, hasBom };
}
