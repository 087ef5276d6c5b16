/**
 * Makes every string in an action's input storable before any schema sees
 * it: NUL characters are dropped (PostgreSQL refuses them in text, which
 * would turn a typing accident or a crafted request into a database error),
 * and lone UTF-16 surrogates become U+FFFD (PostgreSQL refuses "\ud800" in
 * json, where notifications and audit events keep user text). Plain objects
 * and arrays are copied; anything else (File, Date, Map…) is left as it is.
 */
const MAX_DEPTH = 64;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function wellFormedString(value: string): string {
  return value.toWellFormed().replaceAll("\u0000", "");
}

export function wellFormedInput(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return wellFormedString(value);
  // Deeper than any form: left for the schema to refuse, not walked.
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => wellFormedInput(item, depth + 1));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = wellFormedInput(item, depth + 1);
    return copy;
  }
  return value;
}
