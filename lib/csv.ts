// CSV as RFC 4180 writes it (CRLF line ends), safe to open in a spreadsheet.

// a cell that is just a number (an E.164 phone, a negative amount) is data, not a formula
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell that a spreadsheet would
 * run as a formula (= + - @, tab, CR) gets a leading ' so opening the file cannot execute it.
 */
export function csvCell(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, with its CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
