/**
 * The one place that reads process.env. Everything else asks `getEnv()`.
 *
 * Validated with zod on first use (not at import, so that `next build` can
 * import route modules without a configured environment). In development a
 * missing secret is generated once and kept under DATA_DIR, so a newcomer's
 * sessions survive restarts; in production a missing required setting stops
 * the start with a message that names it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const ZRawEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Any PostgreSQL. Unset: `npm start` runs the embedded server and sets it for the app. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL of the app (links in e-mails, next-auth callbacks). */
  APP_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** smtp:// or smtps:// URL. Unset: mail stays in the outbox and shows at /dev/mailbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Covalent <no-reply@covalent.localhost>"),
  /** "1": show the outbox at /dev/mailbox (only ever without SMTP_URL). Set by `npm start` outside production. */
  DEV_MAILBOX: z.enum(["0", "1"]).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Where uploaded files (logos) live: in PostgreSQL (default) or on disk under DATA_DIR/files. */
  STORAGE_DRIVER: z.enum(["postgres", "disk"]).default("postgres"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For
   * (lib/http/client-ip.ts). 0 (default): none, the client is the TCP peer and
   * forwarded headers are ignored. "false" is 0, "true" is 1.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => (value === "false" ? "0" : value === "true" ? "1" : value))
    .pipe(z.string().regex(/^\d{1,2}$/, "must be a number of proxies (0, 1, 2…), true or false"))
    .transform(Number)
    .default(0),
});

export type Env = {
  nodeEnv: "development" | "test" | "production";
  isProduction: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  port: number;
  appUrl: string;
  /**
   * The app is served over HTTPS (APP_URL starts with https://): cookies are
   * Secure, HSTS and upgrade-insecure-requests are sent. This, not NODE_ENV,
   * is what "production" means for transport security, since the end-to-end
   * tests run a production build on plain http://127.0.0.1.
   */
  isHttps: boolean;
  /** Reverse proxies trusted to append to X-Forwarded-For (0: none). */
  trustProxyHops: number;
  authSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The local mailbox page exists: no SMTP, and a local (not production) set-up. */
  devMailbox: boolean;
  logLevel: "debug" | "info" | "warn" | "error";
  storageDriver: "postgres" | "disk";
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Reads or creates a development secret kept under the data directory. */
function developmentSecret(dataDir: string, name: string): string {
  const file = path.resolve(dataDir, "secrets", name);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet: create it below
  }
  const secret = randomBytes(32).toString("base64url");
  // The data directory must stay traversable: the embedded PostgreSQL runs as
  // another system user and keeps its files below it. Only secrets/ is private.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Parses an environment object. Exported for tests; the app uses `getEnv()`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (a common shell and .env habit).
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = ZRawEnv.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new EnvError(`Invalid configuration:\n${problems}`);
  }
  const raw = result.data;
  const isProduction = raw.NODE_ENV === "production";
  const missing: string[] = [];
  if (isProduction && !raw.NEXTAUTH_SECRET) missing.push("NEXTAUTH_SECRET");
  if (isProduction && !raw.DATABASE_URL) missing.push("DATABASE_URL");
  if (missing.length > 0) {
    throw new EnvError(
      `Missing required setting${missing.length > 1 ? "s" : ""} in production: ${missing.join(", ")}. ` +
        "Set it in the environment (see README.md, Configuration).",
    );
  }
  const appUrl = (raw.APP_URL ?? raw.NEXTAUTH_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, "");
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    databaseUrl: raw.DATABASE_URL,
    dataDir: path.resolve(raw.DATA_DIR),
    embeddedPgPort: raw.EMBEDDED_PG_PORT,
    port: raw.PORT,
    appUrl,
    isHttps: /^https:\/\//i.test(appUrl),
    trustProxyHops: raw.TRUST_PROXY,
    authSecret: raw.NEXTAUTH_SECRET ?? developmentSecret(raw.DATA_DIR, "nextauth-secret"),
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    devMailbox: !raw.SMTP_URL && (raw.DEV_MAILBOX === "1" || (raw.NODE_ENV !== "production" && raw.DEV_MAILBOX !== "0")),
    logLevel: raw.LOG_LEVEL,
    storageDriver: raw.STORAGE_DRIVER,
  };
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database URL; throws a clear error when none is configured. */
export function getDatabaseUrl(): string {
  const url = getEnv().databaseUrl;
  if (!url) {
    throw new EnvError(
      "DATABASE_URL is not set. Start the app with `npm start` (it runs an embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return url;
}
