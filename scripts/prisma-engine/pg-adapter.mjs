// The PostgreSQL driver adapter factory handed to the WebAssembly schema engine.
//
// It is @prisma/adapter-pg with three fixes the schema engine needs:
//
// 1. The `"char"` column type (OID 18, used all over the system catalogs) is reported to the
//    engine as ColumnTypeEnum.Character. adapter-pg has no mapping for it and throws
//    "Unsupported column type char", so describing a live database (drift checks, shadow
//    database, `db pull`) failed with "Column type 'char' could not be deserialized".
// 2. `executeScript` runs the script as one simple-protocol query, like the native engine.
//    adapter-pg splits scripts on every ";", which breaks migrations containing a ";" inside a
//    string literal or a function body.
// 3. The shadow database is really a different database. adapter-pg's connectToShadowDb()
//    creates a database but then connects with `{ ...config, database }`, and pg lets the
//    connection string win over `database`: the shadow migrations ran against the MAIN
//    database (and `migrate dev` then offered to reset it). We build the shadow database's own
//    URL and check, before handing the connection over, that it reached a different database.

import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { databaseName, quoteIdentifier, schemaParam, serverLocation, withDatabase } from "./database-url.mjs";
import { UserFacingError } from "./errors.mjs";
import { log } from "./log.mjs";

const CHAR_OID = 18;
const TEXT_OID = 25;
/** Marks, on a result's `rows` array, the indexes of the columns that were `"char"`. */
const CHAR_COLUMNS = Symbol("charColumns");

/**
 * A pg client that reports `"char"` columns as text (which adapter-pg accepts) and remembers
 * which ones they were, so that queryRaw() below can label them Character for the engine.
 * The `rows` array travels unchanged from pg's result into adapter-pg's result set.
 */
class CharColumnsClient extends pg.Client {
  query(...args) {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex !== -1) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (error, result) => callback(error, error ? result : relabelCharColumns(result));
      return super.query(...args);
    }
    const returned = super.query(...args);
    return typeof returned?.then === "function" ? returned.then(relabelCharColumns) : returned;
  }
}

function relabelCharColumns(result) {
  for (const single of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    single?.fields?.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) single.rows[CHAR_COLUMNS] = charColumns;
  }
  return result;
}

function labelCharColumns(resultSet) {
  const charColumns = resultSet.rows[CHAR_COLUMNS];
  if (charColumns) {
    resultSet.columnTypes = [...resultSet.columnTypes];
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  }
  return resultSet;
}

/** pg pool settings for a URL: our client class, Prisma's `schema` and `connect_timeout` params. */
function poolConfig(url) {
  const params = new URL(url).searchParams;
  const schema = schemaParam(url);
  return {
    connectionString: url,
    Client: CharColumnsClient,
    // The native engine gives up connecting after 5 s (`connect_timeout`, in seconds); pg would wait forever.
    connectionTimeoutMillis: Number(params.get("connect_timeout") ?? 5) * 1000 || undefined,
    // Prisma's `?schema=` selects the schema migrations run in; pg does not know the parameter.
    ...(schema ? { options: `-c search_path=${quoteIdentifier(schema)}` } : {}),
  };
}

/** Run one statement on a short-lived plain pg connection (for CREATE/DROP DATABASE). */
async function runOnce(url, sql) {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** What identifies one database of one running server. */
async function databaseIdentity(url) {
  const { rows } = await runOnce(url, "SELECT current_database() AS name, pg_postmaster_start_time()::text AS server_started");
  return rows[0];
}

/**
 * Create the adapter factory for the database at `url`.
 *
 * `onError` is told about every error raised below the engine, so that the engine's
 * generic "error in the driver adapter" can be replaced by the real cause (see errors.mjs).
 */
export function createPgAdapterFactory({ url, shadowDatabaseUrl, onError = () => {} }) {
  /** Temporary shadow databases created and not yet dropped (dropped at exit, whatever happens). */
  const temporaryShadowDatabases = new Set();
  /** Adapters (connection pools) handed out and not yet disposed of. */
  const openAdapters = new Set();
  const adapterOptions = { schema: schemaParam(url) };

  /** Calls `fn`, telling onError about any error on its way up. */
  const reporting = (fn) => async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      onError(error);
      throw error;
    }
  };

  function wrapTransaction(inner) {
    const transaction = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      options: inner.options,
      queryRaw: reporting(async (query) => labelCharColumns(await inner.queryRaw(query))),
      executeRaw: reporting((query) => inner.executeRaw(query)),
      commit: reporting(() => inner.commit()),
      rollback: reporting(() => inner.rollback()),
    };
    for (const method of ["createSavepoint", "rollbackToSavepoint", "releaseSavepoint"]) {
      if (inner[method]) transaction[method] = reporting((name) => inner[method](name));
    }
    return transaction;
  }

  function wrapAdapter(inner, afterDispose = async () => {}) {
    const adapter = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: reporting(async (query) => labelCharColumns(await inner.queryRaw(query))),
      executeRaw: reporting((query) => inner.executeRaw(query)),
      // No parameters, so pg sends the whole script as one simple query (several statements allowed).
      executeScript: reporting(async (script) => {
        await inner.executeRaw({ sql: script, args: [], argTypes: [] });
      }),
      startTransaction: reporting(async (isolationLevel) => wrapTransaction(await inner.startTransaction(isolationLevel))),
      getConnectionInfo: () => inner.getConnectionInfo(),
      dispose: reporting(async () => {
        openAdapters.delete(adapter);
        await inner.dispose();
        await afterDispose();
      }),
    };
    openAdapters.add(adapter);
    return adapter;
  }

  async function connect() {
    return wrapAdapter(await new PrismaPg(poolConfig(url), adapterOptions).connect());
  }

  /** A fresh temporary database next to the main one, dropped when the engine disposes it. */
  async function connectToTemporaryShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    try {
      await runOnce(url, `CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      throw new UserFacingError(
        "P3014",
        "Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases, " +
          "or set `shadowDatabaseUrl` in prisma.config.ts. Read more about the shadow database at https://pris.ly/d/migrate-shadow\n\n" +
          `Original error: ${error.message}`,
      );
    }
    temporaryShadowDatabases.add(name);
    log("INFO", `Created temporary shadow database ${name}`);

    const shadowUrl = withDatabase(url, name);
    const reached = await databaseIdentity(shadowUrl);
    if (reached.name !== name) {
      await dropTemporaryShadowDb(name);
      throw new UserFacingError("P3014", `Refusing to use the shadow database: connecting to "${name}" reached "${reached.name}" instead.`);
    }
    const inner = await new PrismaPg(poolConfig(shadowUrl), adapterOptions).connect();
    return wrapAdapter(inner, () => dropTemporaryShadowDb(name));
  }

  async function dropTemporaryShadowDb(name) {
    if (!temporaryShadowDatabases.has(name)) return;
    // WITH (FORCE) (PostgreSQL 13+) ends connections a pool may still be closing.
    await runOnce(url, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`).catch((error) => {
      if (error.code !== "42601") throw error; // syntax error: an older server, drop without FORCE
      return runOnce(url, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
    });
    temporaryShadowDatabases.delete(name);
    log("INFO", `Dropped temporary shadow database ${name}`);
  }

  /** The shadow database the user configured: checked to differ from the main one, then emptied. */
  async function connectToConfiguredShadowDb() {
    const [main, shadow] = await Promise.all([databaseIdentity(url), databaseIdentity(shadowDatabaseUrl)]);
    if (main.name === shadow.name && main.server_started === shadow.server_started) {
      throw new UserFacingError(
        "P3014",
        `The shadow database you configured appears to be the same as the main database ("${main.name}" at ${serverLocation(url)}). ` +
          "Please specify another shadow database (shadowDatabaseUrl in prisma.config.ts).",
      );
    }
    // Like the native engine, start from an empty shadow database.
    const client = new pg.Client(poolConfig(shadowDatabaseUrl));
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
      );
      for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdentifier(nspname)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdentifier(schemaParam(shadowDatabaseUrl) ?? "public")}`);
    } finally {
      await client.end();
    }
    log("INFO", `Emptied the configured shadow database ${databaseName(shadowDatabaseUrl)}`);
    return wrapAdapter(await new PrismaPg(poolConfig(shadowDatabaseUrl), adapterOptions).connect());
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: reporting(connect),
    connectToShadowDb: reporting(shadowDatabaseUrl ? connectToConfiguredShadowDb : connectToTemporaryShadowDb),
    /** Close what the engine left open, and drop temporary shadow databases it did not dispose of. */
    async cleanUp() {
      for (const adapter of [...openAdapters]) {
        await adapter.dispose().catch((error) => log("WARN", `Could not close a database connection: ${error.message}`));
      }
      for (const name of [...temporaryShadowDatabases]) {
        await dropTemporaryShadowDb(name).catch((error) =>
          log("WARN", `Could not drop temporary shadow database ${name}: ${error.message}`),
        );
      }
    },
  };
}

/**
 * `CREATE DATABASE` for the database named in `url` (the native engine's `cli create-database`).
 * It connects to the server's `postgres` maintenance database, or `template1` as a fallback.
 */
export async function createDatabase(url) {
  const name = databaseName(url);
  let lastError;
  for (const maintenanceDatabase of ["postgres", "template1"]) {
    try {
      await runOnce(withDatabase(url, maintenanceDatabase), `CREATE DATABASE ${quoteIdentifier(name)}`);
      return name;
    } catch (error) {
      if (error.code === "42P04") {
        throw new UserFacingError("P1009", `Database \`${name}\` already exists on the database server at \`${serverLocation(url)}\``);
      }
      lastError = error;
    }
  }
  throw new UserFacingError(undefined, `Could not create database \`${name}\` on \`${serverLocation(url)}\`: ${lastError.message}`);
}
