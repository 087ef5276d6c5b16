/**
 * CSV cells and lines (RFC 4180), safe to open in a spreadsheet program.
 */

/**
 * Spreadsheet formula injection: a text cell that starts with = + - @ (or a
 * tab or carriage return, which some programs skip before looking) is run as
 * a formula when the file is opened, e.g. `=HYPERLINK("http://evil…")` in a
 * cluster's name. A leading apostrophe makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value.replaceAll("\u0000", "");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended with CRLF as RFC 4180 asks. */
export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
