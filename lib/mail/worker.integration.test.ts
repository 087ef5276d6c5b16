/**
 * Delivery of the outbox to a real SMTP server (npm smtp-server on loopback),
 * against the real database: once per mail, retried with backoff while the
 * server is down, shared safely between two app instances, given up after
 * MAX_ATTEMPTS.
 */
import net from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { signUp } from "@/lib/accounts/sign-up";
import { createDbClient } from "@/lib/db/create-client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getDatabaseUrl } from "@/lib/env";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { enqueueEmail } from "./enqueue-email";
import { createSmtpTransport } from "./transport";
import { backoffSeconds, deliverDueEmails, MAX_ATTEMPTS } from "./worker";

const FROM = "Covalent <no-reply@covalent.localhost>";

type Received = { mailFrom: string; rcptTo: string[]; raw: string };
type TestSmtpServer = { port: number; messages: Received[]; close: () => Promise<void> };

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtpServer(options: { port?: number; delayMs?: number } = {}): Promise<TestSmtpServer> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    closeTimeout: 100,
    // It offers STARTTLS with its built-in self-signed certificate, like many
    // local relays: the transport must still deliver to it on loopback.
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const finish = () => {
          messages.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            rcptTo: session.envelope.rcptTo.map((a) => a.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// --- a minimal MIME reader: enough to see the parts nodemailer writes ---

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(end + 4) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable": {
      const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
      // %-escapes of UTF-8 bytes; a literal "%" has to survive decodeURIComponent.
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
    }
    default:
      return body;
  }
}

function parseMessage(raw: string) {
  const { headers, body } = splitHeaders(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const parts: Record<string, string> = {};
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitHeaders(chunk.replace(/^\r\n/, ""));
      const type = (part.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      parts[type] = decodeBody(part.body.replace(/\r\n$/, ""), part.headers["content-transfer-encoding"]);
    }
  }
  return { headers, contentType: headers["content-type"] ?? "", parts };
}

async function outboxRows(db: PrismaClient = testDb()) {
  return db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
}

async function makeDue() {
  await testDb().outboxEmail.updateMany({ data: { nextAttemptAt: new Date() } });
}

let servers: TestSmtpServer[] = [];
let extraClients: PrismaClient[] = [];

beforeEach(async () => {
  await resetDatabase();
});

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await Promise.all(extraClients.map((c) => c.$disconnect()));
  extraClients = [];
});

afterAll(async () => {
  await testDb().$disconnect();
});

async function smtp(options?: Parameters<typeof startSmtpServer>[0]) {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

describe("deliverDueEmails", () => {
  it("delivers an enqueued e-mail once, with a text and an HTML part, and marks it sent", async () => {
    const server = await smtp();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${server.port}`);
    await testDb().$transaction((tx) =>
      enqueueEmail(tx, {
        to: "anna@example.org",
        locale: "en",
        template: "resetPassword",
        data: { url: "http://127.0.0.1:3000/reset-password?token=abc123" },
      }),
    );

    expect(await deliverDueEmails({ db: testDb(), transport, from: FROM })).toBe(1);
    // A second round finds nothing: sent means sent once.
    expect(await deliverDueEmails({ db: testDb(), transport, from: FROM })).toBe(0);

    expect(server.messages).toHaveLength(1);
    const received = server.messages[0]!;
    expect(received.rcptTo).toEqual(["anna@example.org"]);
    expect(received.mailFrom).toBe("no-reply@covalent.localhost");

    const message = parseMessage(received.raw);
    expect(message.headers.subject).toBe("Reset your Covalent password");
    expect(message.headers.to).toContain("anna@example.org");
    expect(message.contentType).toMatch(/^multipart\/alternative/);
    expect(message.parts["text/plain"]).toContain("Choose a new password: http://127.0.0.1:3000/reset-password?token=abc123");
    expect(message.parts["text/html"]).toContain('href="http://127.0.0.1:3000/reset-password?token=abc123"');
    expect(message.parts["text/html"]).toContain("<html");

    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("keeps the mail while the SMTP server is down, backs off, and delivers it once when it is back", async () => {
    const port = await closedPort();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);

    // The user's action succeeds although no mail can be sent now.
    const result = await signUp(
      { name: "Jonas Berg", email: "jonas@example.org", password: "violet tractor minds the harbour", locale: "en" },
      { ip: "127.0.0.1" },
    );
    expect(result).toEqual({ kind: "checkInbox" });
    expect(await testDb().user.count({ where: { email: "jonas@example.org" } })).toBe(1);

    const before = Date.now();
    expect(await deliverDueEmails({ db: testDb(), transport, from: FROM })).toBe(0);
    let [row] = await outboxRows();
    expect(row).toMatchObject({ toEmail: "jonas@example.org", kind: "verifyEmail", status: "PENDING", attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row!.sentAt).toBeNull();
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + backoffSeconds(1) * 1000 - 1000);

    // Not due yet: the next rounds leave it alone, even with the server back.
    const server = await smtp({ port });
    expect(await deliverDueEmails({ db: testDb(), transport, from: FROM })).toBe(0);
    [row] = await outboxRows();
    expect(row!.attempts).toBe(1);
    expect(server.messages).toHaveLength(0);

    // Its time comes: delivered exactly once.
    await makeDue();
    expect(await deliverDueEmails({ db: testDb(), transport, from: FROM })).toBe(1);
    await makeDue();
    expect(await deliverDueEmails({ db: testDb(), transport, from: FROM })).toBe(0);
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]!.rcptTo).toEqual(["jonas@example.org"]);
    expect(parseMessage(server.messages[0]!.raw).parts["text/plain"]).toMatch(/\/verify-email\?token=/);
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("delivers each mail exactly once when two app instances run the worker at the same time", async () => {
    // Slow enough that both workers are busy at once.
    const server = await smtp({ delayMs: 25 });
    const transport = createSmtpTransport(`smtp://127.0.0.1:${server.port}`);
    const recipients = Array.from({ length: 16 }, (_, i) => `member${i}@example.org`);
    await testDb().$transaction(async (tx) => {
      for (const to of recipients) {
        await enqueueEmail(tx, { to, locale: "ru", template: "verifyEmail", data: { url: `http://x.example/v?to=${to}` } });
      }
    });

    const instanceA = createDbClient(getDatabaseUrl(), { max: 2 });
    const instanceB = createDbClient(getDatabaseUrl(), { max: 2 });
    extraClients.push(instanceA, instanceB);
    await Promise.all([instanceA.$queryRaw`SELECT 1`, instanceB.$queryRaw`SELECT 1`]);

    const [sentA, sentB] = await Promise.all([
      deliverDueEmails({ db: instanceA, transport, from: FROM, batchSize: 50 }),
      deliverDueEmails({ db: instanceB, transport, from: FROM, batchSize: 50 }),
    ]);

    expect(sentA + sentB).toBe(recipients.length);
    // Both instances did part of the work (they really ran side by side).
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
    const delivered = server.messages.flatMap((m) => m.rcptTo).sort();
    expect(delivered).toEqual([...recipients].sort());
    const rows = await outboxRows();
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts and marks the mail failed`, async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
    await testDb().$transaction((tx) =>
      enqueueEmail(tx, { to: "lost@example.org", locale: "en", template: "verifyEmail", data: { url: "http://x.example/v" } }),
    );

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await makeDue();
      await deliverDueEmails({ db: testDb(), transport, from: FROM });
    }
    let [row] = await outboxRows();
    expect(row).toMatchObject({ status: "PENDING", attempts: MAX_ATTEMPTS - 1 });

    await makeDue();
    await deliverDueEmails({ db: testDb(), transport, from: FROM });
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(row!.lastError).toBeTruthy();

    // A failed mail is not tried again.
    await makeDue();
    await deliverDueEmails({ db: testDb(), transport, from: FROM });
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
  });

  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(MAX_ATTEMPTS)).toBe(3600);
  });
});
