// Loading @prisma/schema-engine-wasm and calling it.
//
// The package is built for bundlers: its entry point imports the .wasm file as a module, which
// Node cannot do. So we load its JS glue (schema_engine_bg.js) ourselves, instantiate the .wasm
// with that glue as its import object, and wire the two together the way the entry point would.

import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createPgAdapterFactory } from "./pg-adapter.mjs";
import { describeEngineError } from "./errors.mjs";
import { forwardEngineLog } from "./log.mjs";

const GLUE_URL = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");

/**
 * Where the engine reports a Rust panic's message before it aborts. The glue code calls
 * `global.PRISMA_WASM_PANIC_REGISTRY.set_message()`; without this object a panic surfaces as an
 * unrelated "Cannot read properties of undefined" TypeError.
 */
const panicRegistry = {
  message: "",
  set_message(message) {
    this.message = message;
  },
  get() {
    return this.message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let gluePromise;

/** The engine's JS glue module, with its WebAssembly instance attached (loaded once). */
export function loadSchemaEngineWasm() {
  gluePromise ??= (async () => {
    const glue = await import(GLUE_URL);
    const wasmBytes = await readFile(new URL("./schema_engine_bg.wasm", GLUE_URL));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return gluePromise;
}

/** Describe an error that happened outside any started engine's call (see errors.mjs). */
export function describeUncaughtError(error) {
  return describeEngineError(error, { panicMessage: panicRegistry.get() });
}

/** A failed engine call, already described as { code?, message, isPanic } (see errors.mjs). */
export class EngineCallError extends Error {
  constructor(description) {
    super(description.message);
    this.name = "EngineCallError";
    this.description = description;
  }
}

/**
 * Start a WebAssembly schema engine connected to the PostgreSQL database at `url`.
 *
 * @param {object} options
 * @param {[string, string][] | undefined} options.datamodels  [path, content] of each schema file.
 *   Must be undefined rather than empty: the engine panics on an empty list.
 * @param {string} options.url  The main database.
 * @param {string} [options.shadowDatabaseUrl]  A dedicated shadow database, if configured.
 * @returns {Promise<{
 *   call(method: string, params?: unknown): Promise<unknown>,
 *   describe(error: unknown): { code?: string, message: string, isPanic?: boolean },
 *   dispose(): Promise<void>,
 * }>}
 *   Rejects with EngineCallError when the engine cannot start (e.g. the database is unreachable).
 */
export async function startWasmEngine({ datamodels, url, shadowDatabaseUrl }) {
  const glue = await loadSchemaEngineWasm();

  // The adapter layer's last error during the current call: the real cause behind the engine's
  // generic "error in the driver adapter" messages, and the source of connection error codes.
  let adapterError;
  const adapterFactory = createPgAdapterFactory({ url, shadowDatabaseUrl, onError: (error) => (adapterError = error) });
  // The engine calls the factory's methods unbound: bind them (this also adds the error registry it expects).
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);

  const describe = (error) => describeEngineError(error, { adapterError, panicMessage: panicRegistry.get() });

  let engine;
  try {
    engine = await glue.SchemaEngine.new({ datamodels }, forwardEngineLog, boundFactory);
  } catch (error) {
    await adapterFactory.cleanUp();
    throw new EngineCallError(describe(error));
  }

  // The engine hooks up its shadow database (our adapter's connectToShadowDb) only inside a
  // diagnoseMigrationHistory call that opts into the shadow database. Until one has run in this
  // process, evaluateDataLoss and createMigration fail with "PostgreSQL shadow DB must be provided
  // through an external factory" — and `migrate dev` does not always make that call first (not on
  // a database without a migrations table, for one).
  let shadowDatabaseHookedUp = false;
  const hookUpShadowDatabase = async ({ migrationsList, filters }) => {
    await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
    shadowDatabaseHookedUp = true;
  };

  return {
    async call(method, params) {
      adapterError = undefined;
      try {
        if (!shadowDatabaseHookedUp && (method === "evaluateDataLoss" || method === "createMigration")) {
          await hookUpShadowDatabase(params);
        }
        // Call as a method: wasm-bindgen needs `this` to be the engine.
        const result = await engine[method](params);
        if (method === "diagnoseMigrationHistory" && params?.optInToShadowDatabase) shadowDatabaseHookedUp = true;
        return result;
      } catch (error) {
        throw new EngineCallError(describe(error));
      }
    },
    /** For errors that escape call() (see the crash handler in schema-engine.mjs). */
    describe,
    async dispose() {
      try {
        engine.free();
      } catch {
        // After a panic the instance is unusable; the connections below still need closing.
      } finally {
        await adapterFactory.cleanUp();
      }
    },
  };
}
