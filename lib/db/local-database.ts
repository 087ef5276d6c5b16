/**
 * Opens the database that a local process (the start script, the end-to-end
 * server, the test set-up) works on: the server named by DATABASE_URL when it
 * is set, otherwise an embedded PostgreSQL under the data directory. Then
 * applies pending migrations.
 */
import net from "node:net";
import path from "node:path";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded-server";
import { migrateDeploy } from "./migrate";

export type LocalDatabase = {
  databaseUrl: string;
  /** The embedded server, when one was started (undefined with DATABASE_URL). */
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
};

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export async function openLocalDatabase(options: {
  /** Use this server instead of starting one. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  database: string;
  /** Drop and re-create the database first (tests). */
  fresh?: boolean;
  onLog?: (line: string) => void;
}): Promise<LocalDatabase> {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedServer({
      dataDir: path.join(options.dataDir, "postgres"),
      port: options.port,
      onLog: options.onLog,
    });
    if (options.fresh) await embedded.dropDatabase(options.database);
    await embedded.ensureDatabase(options.database);
    databaseUrl = embedded.url(options.database);
  }
  try {
    await migrateDeploy(databaseUrl);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { databaseUrl, embedded, close: async () => embedded?.stop() };
}
