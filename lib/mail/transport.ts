import "server-only";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export type MailTransport = {
  send(message: { to: string; from: string; subject: string; text: string; html: string }): Promise<void>;
};

const LOOPBACK_HOSTS = new Set(["localhost", "::1", "[::1]"]);

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function booleanParam(url: URL, name: string): boolean | undefined {
  const value = url.searchParams.get(name);
  if (value === null) return undefined;
  return value === "true" || value === "1";
}

/**
 * nodemailer options from one URL: `smtp://user:pass@host:587` (STARTTLS when
 * the server offers it), `smtps://…:465` (TLS from the start). Query options:
 * `?requireTLS=true` (refuse to send without STARTTLS), `?ignoreTLS=true|false`,
 * `?rejectUnauthorized=false` (a self-signed certificate).
 *
 * A server on the loopback interface (a local relay, Mailpit, a test server)
 * is spoken to without STARTTLS by default: the traffic never leaves the
 * machine, and such servers often offer STARTTLS with a self-signed
 * certificate that would make every delivery fail.
 *
 * The timeouts are set here because a hanging server must fail a delivery
 * attempt well within the worker's transaction (lib/mail/worker.ts), so that
 * the attempt is counted and backed off rather than retried at once.
 */
export function smtpOptionsFromUrl(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error("SMTP_URL must start with smtp:// or smtps://");
  }
  const secure = url.protocol === "smtps:";
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const requireTLS = booleanParam(url, "requireTLS") ?? false;
  const ignoreTLS = booleanParam(url, "ignoreTLS") ?? (!secure && !requireTLS && isLoopback(host));
  const rejectUnauthorized = booleanParam(url, "rejectUnauthorized");
  return {
    host,
    port: url.port ? Number(url.port) : undefined,
    secure,
    requireTLS,
    ignoreTLS,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    tls: rejectUnauthorized === undefined ? undefined : { rejectUnauthorized },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** SMTP through nodemailer, configured by one URL (see smtpOptionsFromUrl). */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  // The options object, not the URL string: nodemailer takes a second argument
  // as message defaults, so timeouts passed there would be silently ignored.
  const transporter = nodemailer.createTransport(smtpOptionsFromUrl(smtpUrl));
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}
