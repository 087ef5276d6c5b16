// Small helpers for PostgreSQL connection URLs
// (postgresql://user:password@host:port/database?param=value).

/** The database name in `url`; PostgreSQL defaults it to the user name, and the user to "postgres". */
export function databaseName(url) {
  const parsed = new URL(url);
  const fromPath = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  return fromPath || decodeURIComponent(parsed.username) || "postgres";
}

/**
 * The same URL pointing at another database on the same server.
 *
 * This is the heart of the shadow-database fix: adapter-pg builds the shadow pool as
 * `{ ...config, database }`, but pg lets `connectionString` win over `database`, so the
 * "shadow" pool silently connected to the main database. Building a URL of its own avoids that.
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The `?schema=` parameter Prisma understands (pg itself ignores it), or undefined. */
export function schemaParam(url) {
  return new URL(url).searchParams.get("schema") ?? undefined;
}

/** `host:port` as Prisma prints it in connection errors. */
export function serverLocation(url) {
  const parsed = new URL(url);
  const host = parsed.hostname || parsed.searchParams.get("host") || "localhost";
  return `${host}:${parsed.port || 5432}`;
}

/**
 * A key that says "same server, same database, same user" for two URLs, used to refuse requests
 * that name a database other than the one this engine process was started for.
 */
export function databaseIdentityKey(url) {
  const parsed = new URL(url);
  return [
    parsed.hostname.toLowerCase(),
    parsed.port || "5432",
    parsed.searchParams.get("host") ?? "",
    databaseName(url),
    decodeURIComponent(parsed.username),
  ].join("|");
}

/** Quote an SQL identifier (a database name) for PostgreSQL. */
export function quoteIdentifier(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}
