// Turning errors into what the Prisma CLI expects from the native schema engine.
//
// The CLI shows an engine error well only when it arrives in the native engine's shape:
//   - JSON-RPC errors: { code: 4466, message, data: { is_panic, message, error_code?, meta } }
//   - `cli ...` commands: a JSON log line on stderr with level ERROR, target
//     "schema_engine::logger" and fields { error_code, message }, then exit code 1.
// The WebAssembly engine throws plain JS errors instead, and connection errors (raised while the
// engine starts) lose their Prisma error code on the way. We put the code back from what our
// PostgreSQL adapter saw (see pg-adapter.mjs), so that e.g. `migrate dev` can still tell
// "database does not exist" (P1003, which it fixes by creating the database) from
// "can't reach the server" (P1001).

/** An error of ours that should reach the user as it is, with a Prisma error code. */
export class UserFacingError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "UserFacingError";
    this.code = code;
  }
}

/** Prisma error codes for the driver-adapter error kinds that mean "could not connect". */
const CONNECTION_ERROR_CODES = {
  AuthenticationFailed: "P1000",
  DatabaseNotReachable: "P1001",
  SocketTimeout: "P1001",
  DatabaseDoesNotExist: "P1003",
  DatabaseAlreadyExists: "P1009",
  DatabaseAccessDenied: "P1010",
  TlsConnectionError: "P1011",
  ConnectionClosed: "P1017",
  TooManyConnections: "P2037",
};

/** The Prisma code for an error our adapter saw, if it is a connection-level error. */
export function connectionErrorCode(adapterError) {
  const kind = adapterError?.name === "DriverAdapterError" ? adapterError.cause?.kind : undefined;
  return kind ? CONNECTION_ERROR_CODES[kind] : undefined;
}

/** True when the error is a Rust panic inside the WebAssembly engine. */
export function isWasmPanic(error, panicMessage) {
  return error?.name === "RuntimeError" || Boolean(panicMessage);
}

/** The database's own error behind a driver-adapter error: { code?, message }. */
function databaseError(adapterError) {
  const cause = adapterError?.name === "DriverAdapterError" ? adapterError.cause : undefined;
  if (!cause) return undefined;
  return { code: cause.originalCode ?? cause.code, message: cause.originalMessage ?? cause.message ?? adapterError.message };
}

/**
 * The WASM engine appends a Rust span trace ("   0: module::function\n  with ...\n  at file.rs:1")
 * to some messages. Split it off: it is noise for the user, but says which migration failed.
 */
function splitSpanTrace(message) {
  const start = message.search(/\n\s+0: /);
  return start === -1 ? { text: message, trace: "" } : { text: message.slice(0, start).trim(), trace: message.slice(start) };
}

/**
 * Describe an engine failure as { code?, message, isPanic }.
 *
 * `adapterError` is the last error our adapter layer raised during the failed call: when the
 * engine only reports a generic "error in the JS driver adapter", that error is the real story.
 */
export function describeEngineError(error, { adapterError, panicMessage } = {}) {
  if (isWasmPanic(error, panicMessage)) {
    return { isPanic: true, message: panicMessage || String(error?.message ?? error) };
  }
  if (adapterError instanceof UserFacingError) {
    return { code: adapterError.code, message: adapterError.message };
  }
  let { text: message, trace } = splitSpanTrace(String(error?.message ?? error).trim());
  if (adapterError && adapterError.name !== "DriverAdapterError") {
    // A plain JS error below the engine reaches it as "External error id#N": show the real one.
    const detail = String(adapterError.message ?? adapterError);
    message = /External error id#\d+/.test(message)
      ? message.replace(/External error id#\d+/, detail)
      : `${message}\n${detail}`;
  }
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    return { code: error.code, message };
  }
  // A migration script failed: say so the way the native engine does (P3018).
  const failedMigration = trace.includes("apply_script") && trace.match(/migration_name="([^"]+)"/)?.[1];
  const dbError = databaseError(adapterError);
  if (failedMigration && dbError) {
    return {
      code: "P3018",
      message:
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
        "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
        `Migration name: ${failedMigration}\n\n` +
        (dbError.code ? `Database error code: ${dbError.code}\n\n` : "") +
        `Database error:\n${dbError.message}`,
    };
  }
  return { code: connectionErrorCode(adapterError), message };
}

/** The JSON-RPC `error` member, in the native engine's format. */
export function toRpcError({ code, message, isPanic }) {
  return {
    code: 4466,
    message: isPanic ? message : "An error happened. Check the data field for details.",
    data: {
      is_panic: Boolean(isPanic),
      message,
      meta: {},
      ...(code ? { error_code: code } : {}),
    },
  };
}
