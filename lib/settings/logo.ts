import { checkSvg } from "./svg-check";

export const LOGO_MAX_BYTES = 1_000_000;
export const LOGO_MIME_TYPES = ["image/png", "image/jpeg", "image/svg+xml"] as const;
export type LogoMime = (typeof LOGO_MIME_TYPES)[number];

export type LogoCheck = { ok: true; mime: LogoMime } | { ok: false; error: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const WRONG_TYPE = "Upload a PNG, JPEG or SVG image. This file is none of those.";

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return prefix.every((byte, i) => bytes[offset + i] === byte);
}

/**
 * Decides what an uploaded logo really is from its bytes, never from its name or declared type:
 * PNG (signature + IHDR), JPEG (SOI marker) or SVG (well-formed, <svg> root, nothing active).
 */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, error: "Choose an image file to upload." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, error: "The logo must be smaller than 1 MB." };
  // "IHDR" must be the first chunk of every PNG
  if (startsWith(bytes, PNG_SIGNATURE)) {
    return startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12) ? { ok: true, mime: "image/png" } : { ok: false, error: WRONG_TYPE };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, mime: "image/jpeg" };

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: WRONG_TYPE };
  }
  if (!/<svg[\s>]/i.test(text)) return { ok: false, error: WRONG_TYPE };
  const svg = checkSvg(text);
  return svg.ok ? { ok: true, mime: "image/svg+xml" } : svg;
}
