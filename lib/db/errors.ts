/**
 * Whether an error means "PostgreSQL cannot be reached right now" (down,
 * restarting, shutting down, out of connections, the pool timed out), as
 * opposed to a bug or a rule. Callers answer such errors with 503 and a
 * message that the service is briefly unavailable; the pool reconnects by
 * itself once the database is back (lib/db/create-client.ts).
 *
 * The error comes in several shapes: a Prisma error whose driver-adapter
 * cause has a kind (DatabaseNotReachable, ConnectionClosed…) or a PostgreSQL
 * code (57P01 admin shutdown, 57P03 starting up or shutting down, 08xxx
 * connection exceptions, 53300 too many connections), or a plain error from
 * node-postgres ("Connection terminated unexpectedly", "timeout exceeded
 * when trying to connect"). All are checked, on the error and its causes.
 */

const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Prisma's connection-level error codes (can't reach, timed out, server closed the connection, pool timeout) and Node's socket errors (node-postgres passes them on). */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

/** PostgreSQL SQLSTATEs of an unavailable server: connection exceptions (08…), shutdown and start-up (57P01–57P03), too many connections. */
function isUnavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300");
}

const UNAVAILABLE_MESSAGE =
  /Can't reach database server|Server has closed the connection|Code: `(?:08[0-9A-Z]{3}|57P0[1-3]|53300)`|the database system is (?:starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|Client has encountered a connection error|Connection terminated|timeout exceeded when trying to connect|Timed out fetching a new connection from the connection pool|ECONNREFUSED|ECONNRESET|Connection refused/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || isUnavailableSqlState(e.code))) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.kind === "string" && e.kind === "postgres" && isUnavailableSqlState(e.code)) return true;
  if (isUnavailableSqlState(e.originalCode)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  if (meta && typeof meta === "object" && isDatabaseUnavailable(meta.driverAdapterError, depth + 1)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
