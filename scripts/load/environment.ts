/**
 * What the load test runs against: its own PostgreSQL database (on an
 * embedded server of its own, so that restarting it disturbs nobody; or a
 * fresh database on a server named by --database-url), migrated and seeded
 * like production, one or more `next start` processes of the built app on
 * it, and optionally an SMTP capture server that the app delivers to.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/db/embedded-server";
import { freePort } from "../../lib/db/local-database";
import { migrateDeploy } from "../../lib/db/migrate";
import { createDbClient } from "../../lib/db/create-client";
import type { PrismaClient } from "../../lib/db/generated/client";
import { seedDemoData } from "../../prisma/seed";

export const LOAD_SECRET = "load-test-secret-load-test-secret-0123456789";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// --- PostgreSQL -------------------------------------------------------------

export type Database = {
  url: string;
  /** Restarts the server (the test's own embedded one, or --restart-cmd). Resolves once it accepts connections. */
  restart(options: { downMs: number }): Promise<{ stoppedAt: number; upAt: number }>;
  canRestart: boolean;
  close(): Promise<void>;
};

export async function openDatabase(options: {
  /** A superuser URL of an existing server: a fresh database is made there. Unset: an embedded server of our own. */
  serverUrl?: string;
  /** Shell command that restarts the server at serverUrl (for --restart-db-at with --database-url). */
  restartCommand?: string;
  workDir: string;
  name: string;
  log: (line: string) => void;
}): Promise<Database> {
  if (options.serverUrl) {
    const adminUrl = withDatabase(options.serverUrl, "postgres");
    if (options.name === "covalent") throw new Error("refusing to use the database named covalent");
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${options.name}" WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE "${options.name}"`);
    const url = withDatabase(options.serverUrl, options.name);
    await migrateDeploy(url);
    return {
      url,
      canRestart: Boolean(options.restartCommand),
      async restart() {
        if (!options.restartCommand) throw new Error("--restart-db-at with --database-url needs --restart-cmd");
        const stoppedAt = performance.now();
        await new Promise<void>((resolve, reject) => {
          const child = spawn("sh", ["-c", options.restartCommand!], { stdio: "inherit" });
          child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`restart command exited ${code}`))));
        });
        await waitForPostgres(url);
        return { stoppedAt, upAt: performance.now() };
      },
      close: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${options.name}" WITH (FORCE)`).catch(() => undefined),
    };
  }

  const dataDir = path.join(options.workDir, "postgres");
  const port = await freePort();
  let server: EmbeddedServer = await startEmbeddedServer({ dataDir, port });
  await server.dropDatabase(options.name);
  await server.ensureDatabase(options.name);
  const url = server.url(options.name);
  await migrateDeploy(url);
  let closed = false;
  return {
    url,
    canRestart: true,
    async restart({ downMs }) {
      // A fast shutdown (SIGINT: open transactions rolled back, WAL flushed),
      // then a start on the same data directory and port: what `pg_ctl
      // restart -m fast` does, through the embedded server's own API.
      const stoppedAt = performance.now();
      await server.stop();
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await startEmbeddedServer({ dataDir, port });
      await waitForPostgres(url);
      options.log(`PostgreSQL restarted (down ${((performance.now() - stoppedAt) / 1000).toFixed(2)} s)`);
      return { stoppedAt, upAt: performance.now() };
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.stop().catch(() => undefined);
    },
  };
}

export async function waitForPostgres(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error("PostgreSQL did not come back within 30 s");
}

// --- test data --------------------------------------------------------------

export type LoadUser = {
  index: number;
  id: string;
  email: string;
  password: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
};

export const LOAD_PASSWORD = "load-test-password-2026";

/**
 * The simulated users: each verified, owner of an organisation with an
 * approved (public) profile, written straight to the database. One password
 * hash for all (argon2 is slow on purpose).
 */
export async function createLoadUsers(db: PrismaClient, count: number, runId: string): Promise<LoadUser[]> {
  const { hashPassword } = await import("../../lib/auth/password");
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const now = new Date();
  const countries = ["DE", "FR", "IT", "ES", "PL", "SE", "FI", "NL", "BR", "IN", "JP", "CA"];
  const planned = Array.from({ length: count }, (_, index) => ({
    index,
    email: `load-${runId}-${index}@example.org`,
    orgSlug: `load-${runId}-${index}`,
    orgName: `Load Cluster ${runId} ${index}`,
  }));
  await db.user.createMany({
    data: planned.map((u) => ({ email: u.email, name: `Load User ${u.index}`, passwordHash, emailVerifiedAt: now, locale: "en" })),
  });
  await db.organization.createMany({
    data: planned.map((u) => ({ slug: u.orgSlug, name: u.orgName, country: countries[u.index % countries.length]! })),
  });
  const userIds = new Map(
    (await db.user.findMany({ where: { email: { startsWith: `load-${runId}-` } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  const orgIds = new Map(
    (await db.organization.findMany({ where: { slug: { startsWith: `load-${runId}-` } }, select: { id: true, slug: true } })).map((o) => [o.slug, o.id]),
  );
  const users: LoadUser[] = planned.map((u) => ({ ...u, id: userIds.get(u.email)!, orgId: orgIds.get(u.orgSlug)!, password: LOAD_PASSWORD }));
  await db.membership.createMany({ data: users.map((u) => ({ organizationId: u.orgId, userId: u.id, role: "OWNER" as const })) });
  await db.clusterProfile.createMany({
    data: users.map((u) => ({
      organizationId: u.orgId,
      status: "APPROVED" as const,
      publishedAt: now,
      descriptionEn: `${u.orgName} brings companies, universities and research institutes together for the load test.`,
      offers: "testing services, pilot lines",
      seeks: "partners for joint projects",
      ecosystems: ["digital"],
      membersSme: 20,
      membersResearch: 3,
    })),
  });
  return users;
}

export async function prepareData(url: string, users: number, runId: string): Promise<{ users: LoadUser[]; publicSlugs: string[] }> {
  const db = createDbClient(url, { max: 4 });
  try {
    await seedDemoData(db);
    const loadUsers = await createLoadUsers(db, users, runId);
    const published = await db.clusterProfile.findMany({
      where: { status: "APPROVED" },
      select: { organization: { select: { slug: true } } },
    });
    return { users: loadUsers, publicSlugs: published.map((p) => p.organization.slug) };
  } finally {
    await db.$disconnect();
  }
}

// --- the app ----------------------------------------------------------------

export type AppInstance = {
  base: string;
  port: number;
  logFile: string;
  /** What the process wrote so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
};

export async function startApp(options: {
  index: number;
  databaseUrl: string;
  distDir: string;
  workDir: string;
  smtpUrl?: string;
  appUrl?: string;
  port?: number;
}): Promise<AppInstance> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  if (!fs.existsSync(path.join(options.distDir, "BUILD_ID"))) {
    throw new Error(`no build in ${options.distDir}: run \`NEXT_DIST_DIR=${options.distDir} npx next build\` first`);
  }
  fs.mkdirSync(options.workDir, { recursive: true });
  const logFile = path.join(options.workDir, `app-${options.index + 1}.log`);
  const log = fs.createWriteStream(logFile);
  let output = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: options.distDir,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: LOAD_SECRET,
    NEXTAUTH_URL: options.appUrl ?? base,
    APP_URL: options.appUrl ?? base,
    NEXT_TELEMETRY_DISABLED: "1",
    DEV_MAILBOX: "0",
    SMTP_URL: options.smtpUrl ?? "",
    LOG_LEVEL: "warn",
    // The load test stands where a load balancer would: each simulated user's
    // address arrives in X-Forwarded-For, as one trusted proxy appends it.
    TRUST_PROXY: "1",
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 5_000_000) output += chunk.toString();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));

  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error(`next start did not become healthy:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    base,
    port,
    logFile,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

// --- SMTP capture -----------------------------------------------------------

export type CapturedMail = { to: string[]; subject: string; at: number };

export type SmtpCapture = {
  port: number;
  url: string;
  messages: CapturedMail[];
  isRunning(): boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
};

function headerValue(raw: string, name: string): string {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, end < 0 ? raw.length : end).replace(/\r\n[ \t]+/g, " ");
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return "";
}

/** A real SMTP server on loopback that keeps what it receives; it can be stopped and started on the same port. */
export async function startSmtpCapture(options: { port?: number } = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const port = options.port ?? (await freePort());
  let server: SMTPServer | undefined;

  const start = async () => {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 200,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          messages.push({ to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()), subject: headerValue(raw, "subject"), at: performance.now() });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      instance.once("error", reject);
      instance.listen(port, "127.0.0.1", () => resolve());
    });
    server = instance;
  };
  await start();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    isRunning: () => server !== undefined,
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    start,
  };
}
