/**
 * Structured logs on stdout (one JSON object a line), at LOG_LEVEL and above.
 * Errors keep their stack here, in the server log, and never in a response.
 */
import { getEnv } from "@/lib/env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  let threshold: Level = "info";
  try {
    threshold = getEnv().logLevel;
  } catch {
    // configuration errors are reported elsewhere; keep logging
  }
  if (LEVELS[level] < LEVELS[threshold]) return;
  const entry = { time: new Date().toISOString(), level, message, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v)])) };
  (level === "error" ? console.error : console.log)(JSON.stringify(entry));
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
