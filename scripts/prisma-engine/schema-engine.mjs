#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The Prisma CLI then runs this file
// exactly as it runs the native engine, and we forward the work to the WebAssembly build of the
// same engine (@prisma/schema-engine-wasm), connected to PostgreSQL through @prisma/adapter-pg.
// See docs/PRISMA-OFFLINE.md.
//
// The native engine's interface, which this file reproduces:
//   schema-engine --version                       print the version, exit
//   schema-engine --datasource <json> cli <cmd>   one-shot command: can-connect-to-database | create-database;
//                                                 failure = exit 1 and an ERROR log line on stderr
//   schema-engine [--datamodels <path>]... [--datasource <json>]
//                                                 JSON-RPC 2.0 server: one request per line on stdin,
//                                                 one response per line on stdout, until stdin closes
// Logs go to stderr as JSON lines. stdout carries JSON-RPC only.

import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { databaseIdentityKey } from "./database-url.mjs";
import { toRpcError, UserFacingError } from "./errors.mjs";
import { log, logUserFacingError, routeConsoleToJsonLog } from "./log.mjs";
import { createDatabase } from "./pg-adapter.mjs";
import { describeUncaughtError, EngineCallError, loadSchemaEngineWasm, startWasmEngine } from "./wasm-engine.mjs";

/** JSON-RPC methods the WebAssembly engine implements with the native engine's parameters. */
const PASS_THROUGH_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

// ---------------------------------------------------------------------------------------------
// Command line

function parseArguments(argv) {
  const options = { datamodels: [], datasource: undefined, cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") options.version = true;
    else if (arg === "--datamodels") options.datamodels.push(argv[++i]);
    else if (arg === "--datasource") options.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // not used by the WASM engine
    else if (arg === "cli") options.cliCommand = argv[++i];
    else throw new Error(`Unknown argument: ${arg}`);
  }
  return options;
}

/**
 * What to do with an error that escaped every promise chain. The WebAssembly engine runs parts
 * of its calls in callbacks of its own, so a Rust panic there is thrown as an uncaught
 * RuntimeError rather than rejecting the call's promise. The JSON-RPC server replaces this.
 */
let onCrash = (error) => {
  logUserFacingError({ message: `The schema engine failed: ${error?.stack ?? error}` });
  process.exit(1);
};
process.on("uncaughtException", (error) => onCrash(error));
process.on("unhandledRejection", (error) => onCrash(error));

async function main() {
  routeConsoleToJsonLog();
  // The CLI drops the first stderr line of `cli ...` commands, so make sure it is not an error.
  log("INFO", "Starting the WebAssembly schema engine (scripts/prisma-engine)");

  const options = parseArguments(process.argv.slice(2));
  if (options.version) {
    const glue = await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-wasm ${glue.version()} (via scripts/prisma-engine)\n`);
    return 0;
  }

  const url = options.datasource?.url;
  const shadowDatabaseUrl = options.datasource?.shadowDatabaseUrl;
  if (options.cliCommand) return runCliCommand(options.cliCommand, url);

  const datamodels = await Promise.all(options.datamodels.map(async (path) => [path, await readFile(path, "utf8")]));
  return serveJsonRpc({
    // `undefined`, not `[]`: the engine panics on an empty list ("validate_multi_file() must be
    // called with at least one file"), and `migrate diff` sends no schema files.
    datamodels: datamodels.length > 0 ? datamodels : undefined,
    url,
    shadowDatabaseUrl,
  });
}

// ---------------------------------------------------------------------------------------------
// `cli` one-shot commands

async function runCliCommand(command, url) {
  try {
    if (!url) throw new UserFacingError(undefined, "No datasource URL was given (--datasource).");
    if (command === "can-connect-to-database") {
      // Starting the engine connects to the database, and reports why it cannot.
      const engine = await startWasmEngine({ datamodels: undefined, url });
      await engine.dispose();
    } else if (command === "create-database") {
      const name = await createDatabase(url);
      log("INFO", `Database ${name} was successfully created.`);
    } else {
      throw new UserFacingError(undefined, `Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    logUserFacingError(error instanceof EngineCallError ? error.description : { code: error.code, message: error.message });
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC server

function serveJsonRpc({ datamodels, url, shadowDatabaseUrl }) {
  let enginePromise;
  let startedEngine;
  /** The engine starts on the first request, so that a connection error becomes that request's error. */
  const getEngine = () => {
    if (!url) {
      throw new EngineCallError({ message: "The datasource URL is missing: set datasource.url in prisma.config.ts." });
    }
    enginePromise ??= startWasmEngine({ datamodels, url, shadowDatabaseUrl }).then((engine) => (startedEngine = engine));
    return enginePromise;
  };

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  // Requests we send to the CLI (only `print`), waiting for its response.
  let nextOwnRequestId = 1;
  const pendingOwnRequests = new Map();
  const requestFromCli = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextOwnRequestId++;
      pendingOwnRequests.set(id, { resolve, reject });
      send({ jsonrpc: "2.0", id, method, params });
    });

  /**
   * The WASM engine runs on any database URL it is given through the adapter of the datasource,
   * so refuse a request naming another database rather than silently using the datasource.
   */
  const assertTargetsTheDatasource = (params) => {
    for (const target of [params?.from, params?.to, params?.datasourceType, params?.datasource]) {
      const targetUrl = ["url", "ConnectionString"].includes(target?.tag) ? target.url : undefined;
      if (targetUrl && databaseIdentityKey(targetUrl) !== databaseIdentityKey(url)) {
        throw new EngineCallError({
          message: "This schema engine (scripts/prisma-engine) can only use the datasource URL from prisma.config.ts.",
        });
      }
    }
  };

  async function handle(method, params) {
    if (method === "createDatabase") {
      const target = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : url;
      return { databaseName: await createDatabase(target) };
    }
    assertTargetsTheDatasource(params);
    const engine = await getEngine();
    if (method === "diff") {
      // The native engine prints the diff through a `print` request to the CLI (which adds a
      // newline) and returns only the exit code; the WASM engine returns the text.
      const { stdout, ...result } = await engine.call("diff", params);
      if (stdout) await requestFromCli("print", { content: stdout.replace(/\n$/, "") });
      return result;
    }
    if (method === "getDatabaseVersion") return engine.call("version", params);
    if (method === "debugPanic") return engine.call("debugPanic");
    if (PASS_THROUGH_METHODS.has(method)) return engine.call(method, params);
    throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
  }

  // One request at a time, in order: the engine instance is not meant for concurrent calls.
  let queue = Promise.resolve();
  let currentRequestId = null;
  let exitCode = 0;

  const sendError = (id, description) => {
    log("ERROR", description.message, description.code ? { error_code: description.code } : {});
    send({ jsonrpc: "2.0", id, error: toRpcError(description) });
  };

  const onRequest = async ({ id, method, params }) => {
    log("DEBUG", `JSON-RPC request ${method}`);
    currentRequestId = id;
    try {
      send({ jsonrpc: "2.0", id, result: (await handle(method, params)) ?? {} });
    } catch (error) {
      if (error.rpcCode) {
        send({ jsonrpc: "2.0", id, error: { code: error.rpcCode, message: error.message } });
        return;
      }
      const description =
        error instanceof EngineCallError ? error.description : { code: error.code, message: String(error.message ?? error) };
      sendError(id, description);
      // A panicked WebAssembly instance cannot be used again; the native engine exits too.
      if (description.isPanic) crash(101);
    } finally {
      currentRequestId = null;
    }
  };

  let shutDown;
  const crash = (code) => {
    exitCode = code;
    shutDown("the engine crashed", { waitForRequest: false });
  };
  // Answer the request that was running (the CLI would otherwise only see the process exit),
  // then clean up: the temporary shadow database must not outlive us.
  onCrash = (error) => {
    log("DEBUG", `Uncaught: ${error?.stack ?? error}`);
    const description = startedEngine?.describe(error) ?? describeUncaughtError(error);
    if (currentRequestId !== null) sendError(currentRequestId, description);
    else log("ERROR", description.message);
    crash(description.isPanic ? 101 : 1);
  };

  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on("line", (line) => {
      if (!line.trim()) return;
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
        return;
      }
      if (message.method !== undefined) {
        queue = queue.then(() => onRequest(message));
      } else if (pendingOwnRequests.has(message.id)) {
        const pending = pendingOwnRequests.get(message.id);
        pendingOwnRequests.delete(message.id);
        if (message.error) pending.reject(new Error(message.error.message));
        else pending.resolve(message.result);
      }
    });

    let shuttingDown = false;
    shutDown = async (reason, { waitForRequest = true } = {}) => {
      if (shuttingDown) return;
      shuttingDown = true;
      log("INFO", `Shutting down (${reason})`);
      // Finish the request in progress (bounded), then close connections and drop any
      // temporary shadow database, so that nothing is left behind on the server.
      if (waitForRequest) await Promise.race([queue, new Promise((r) => setTimeout(r, 5000).unref())]);
      if (enginePromise) {
        const engine = await enginePromise.catch(() => undefined);
        await engine?.dispose().catch((error) => log("WARN", `Clean-up failed: ${error.message}`));
      }
      resolve(exitCode);
    };
    // stdin closing is the normal end; the CLI also sends SIGTERM right after closing it.
    lines.on("close", () => shutDown("stdin closed"));
    process.on("SIGTERM", () => shutDown("SIGTERM"));
    process.on("SIGINT", () => shutDown("SIGINT"));
  });
}

// ---------------------------------------------------------------------------------------------

main()
  .catch((error) => {
    logUserFacingError({ message: `The schema engine failed: ${error?.stack ?? error}` });
    return 1;
  })
  .then((code) => {
    // Exit explicitly: idle pg pools would keep the process alive for a while. Let stdout drain first.
    process.stdout.write("", () => process.exit(code));
  });
