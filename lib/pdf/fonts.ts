import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** The family every PDF uses; the TTF files ship in the repo (lib/pdf/fonts, SIL OFL 1.1). */
export const PDF_FONT_FAMILY = "Geist";

// Resolved from the project root: route handlers, tests and the bench all run from there, and
// react-pdf stays external to the Next bundle (serverExternalPackages), so it reads real files.
const FONT_DIR = path.join(process.cwd(), "lib", "pdf", "fonts");

let registered = false;

const OVERLONG_WORD = 24;

/**
 * Where a word may break at a line end. Ordinary words never: a hyphen inside an invoice number or
 * an amount would change what it says. A word too long for any column (a URL, a pasted reference)
 * may break every 12 characters rather than run over the next column.
 */
export function breakOnlyOverlongWords(word: string): string[] {
  if (word.length <= OVERLONG_WORD) return [word];
  return word.match(/.{1,12}/gsu) ?? [word];
}

/** Registers the fonts once per process (react-pdf's font store is global). */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(FONT_DIR, "Geist-Regular.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "Geist-SemiBold.ttf"), fontWeight: 600 },
      { src: path.join(FONT_DIR, "Geist-Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(breakOnlyOverlongWords);
  registered = true;
}
