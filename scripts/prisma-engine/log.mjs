// Logging in the native schema engine's format: one JSON object per line on stderr.
//
// stdout belongs to JSON-RPC, so nothing else may ever be written there. The CLI parses stderr
// line by line (for `cli ...` commands, a line that is not JSON is a hard error), so every
// line we write, and every line a dependency writes through `console`, must be JSON.

import { format } from "node:util";

const TARGET = "schema_engine_shim";

/** Write one log line: { timestamp, level, fields: { message, ... }, target }. */
export function log(level, message, fields = {}, target = TARGET) {
  const line = JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target });
  process.stderr.write(`${line}\n`);
}

/** The line the CLI reads as the error of a failed `cli ...` command. */
export function logUserFacingError({ code, message }) {
  log("ERROR", message, code ? { error_code: code } : {}, "schema_engine::logger");
}

/** Forward a log record from the WebAssembly engine (already a JSON string) to stderr. */
export function forwardEngineLog(record) {
  const text = typeof record === "string" ? record.trim() : JSON.stringify(record);
  try {
    // Re-serialise so that a record can never span several lines.
    process.stderr.write(`${JSON.stringify(JSON.parse(text))}\n`);
  } catch {
    log("INFO", text, {}, "schema_engine_wasm");
  }
}

/**
 * Send `console.*` output and Node warnings to stderr as JSON log lines, so that neither a
 * dependency's `console.log` (stdout) nor a plain-text warning (stderr) can confuse the CLI.
 */
export function routeConsoleToJsonLog() {
  const levels = { log: "INFO", info: "INFO", debug: "DEBUG", trace: "TRACE", warn: "WARN", error: "ERROR" };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => log(level, format(...args));
  }
  process.removeAllListeners("warning");
  process.on("warning", (warning) => log("WARN", `${warning.name}: ${warning.message}`));
}
