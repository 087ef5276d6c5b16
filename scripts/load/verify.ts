/**
 * After the run: the database against what the server acknowledged. Every
 * acknowledged write is there exactly once (found by the unique token the
 * simulated user wrote into it), nothing is half written, and every e-mail
 * the outbox holds reached the SMTP capture exactly once.
 */
import pg from "pg";
import type { CapturedMail } from "./environment";
import type { Ledger } from "./scenario";

export type Check = { name: string; expected: string; found: string; passed: boolean; details?: string[] };

export type Verification = {
  checks: Check[];
  /** Attempts that got no clear answer (outage) but were committed all the same: allowed, reported. */
  uncertainCommitted: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
  mail?: { outboxRows: number; sent: number; pending: number; failed: number; captured: number; missing: number; duplicated: number };
};

async function rows<T>(client: pg.Client, sql: string, values: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, values)).rows as T[];
}

export async function verifyDatabase(databaseUrl: string, ledger: Ledger, runId: string): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const checks: Check[] = [];
  let lost = 0;
  let duplicated = 0;
  let halfWritten = 0;
  let uncertainCommitted = 0;
  const add = (check: Check) => checks.push(check);
  try {
    // Requests: each acknowledged id present, with exactly one OPENING message carrying its token;
    // and no token (acknowledged or not) stored twice.
    const sendTokens = ledger.sends.map((s) => s.token);
    const sent = await rows<{ id: string; body: string; openings: number }>(
      client,
      `SELECT r.id, m.body, count(*) OVER (PARTITION BY m.body)::int AS openings
       FROM "CooperationRequest" r JOIN "RequestMessage" m ON m."requestId" = r.id AND m.kind = 'OPENING'
       WHERE m.body LIKE $1`,
      [`lt-${runId}-send-%`],
    );
    const byToken = new Map(sent.map((r) => [r.body, r]));
    const lostSends = ledger.sends.filter((s) => byToken.get(s.token)?.id !== s.id);
    const dupSends = [...new Set(sent.filter((r) => r.openings > 1).map((r) => r.body))];
    lost += lostSends.length;
    duplicated += dupSends.length;
    add({
      name: "acknowledged request sends present",
      expected: String(sendTokens.length),
      found: String(sendTokens.length - lostSends.length),
      passed: lostSends.length === 0,
      details: lostSends.slice(0, 5).map((s) => `${s.id} ${s.token}`),
    });
    add({ name: "request sends stored twice", expected: "0", found: String(dupSends.length), passed: dupSends.length === 0, details: dupSends.slice(0, 5) });

    // Replies: the token appears as exactly one REPLY message of the acknowledged request.
    const replies = await rows<{ requestId: string; body: string; n: number }>(
      client,
      `SELECT "requestId", body, count(*)::int AS n FROM "RequestMessage" WHERE kind = 'REPLY' AND body LIKE $1 GROUP BY "requestId", body`,
      [`lt-${runId}-reply-%`],
    );
    const replyByToken = new Map(replies.map((r) => [r.body, r]));
    const lostReplies = ledger.replies.filter((r) => replyByToken.get(r.token)?.requestId !== r.requestId);
    const dupReplies = replies.filter((r) => r.n > 1);
    lost += lostReplies.length;
    duplicated += dupReplies.length;
    add({
      name: "acknowledged replies present",
      expected: String(ledger.replies.length),
      found: String(ledger.replies.length - lostReplies.length),
      passed: lostReplies.length === 0,
      details: lostReplies.slice(0, 5).map((r) => `${r.requestId} ${r.token}`),
    });
    add({ name: "replies stored twice", expected: "0", found: String(dupReplies.length), passed: dupReplies.length === 0, details: dupReplies.slice(0, 5).map((r) => r.body) });

    // Accepts: the request is ACCEPTED, has one ACCEPTED message, and points at an active partnership of its pair.
    if (ledger.accepts.length > 0) {
      const accepted = await rows<{ id: string; status: string; acceptedMessages: number; partnershipOk: boolean }>(
        client,
        `SELECT r.id, r.status::text AS status,
           (SELECT count(*)::int FROM "RequestMessage" m WHERE m."requestId" = r.id AND m.kind = 'ACCEPTED') AS "acceptedMessages",
           EXISTS (SELECT 1 FROM "Partnership" p WHERE p.id = r."partnershipId"
                   AND p."organizationAId" = LEAST(r."senderId", r."receiverId") AND p."organizationBId" = GREATEST(r."senderId", r."receiverId")) AS "partnershipOk"
         FROM "CooperationRequest" r WHERE r.id = ANY($1)`,
        [ledger.accepts.map((a) => a.requestId)],
      );
      const good = new Set(accepted.filter((r) => r.status === "ACCEPTED" && r.acceptedMessages === 1 && r.partnershipOk).map((r) => r.id));
      const doubledIds = new Set(accepted.filter((r) => r.acceptedMessages > 1).map((r) => r.id));
      const bad = ledger.accepts.filter((a) => !good.has(a.requestId));
      lost += bad.filter((a) => !doubledIds.has(a.requestId)).length;
      duplicated += doubledIds.size;
      add({
        name: "acknowledged accepts present (ACCEPTED, one message, partnership)",
        expected: String(ledger.accepts.length),
        found: String(ledger.accepts.length - bad.length),
        passed: bad.length === 0,
        details: bad.slice(0, 5).map((a) => a.requestId),
      });
    }

    // Invitations: one row and one outbox e-mail per acknowledged invitation.
    if (ledger.invites.length > 0) {
      const invites = await rows<{ email: string; invitations: number; mails: number }>(
        client,
        `SELECT e.email,
           (SELECT count(*)::int FROM "Invitation" i WHERE i.email = e.email) AS invitations,
           (SELECT count(*)::int FROM "OutboxEmail" o WHERE o."toEmail" = e.email) AS mails
         FROM unnest($1::text[]) AS e(email)`,
        [ledger.invites.map((i) => i.email)],
      );
      const missing = invites.filter((i) => i.invitations === 0 || i.mails === 0);
      const doubled = invites.filter((i) => i.invitations > 1 || i.mails > 1);
      lost += missing.length;
      duplicated += doubled.length;
      add({
        name: "acknowledged invitations present with their e-mail",
        expected: String(ledger.invites.length),
        found: String(ledger.invites.length - missing.length),
        passed: missing.length === 0,
        details: missing.slice(0, 5).map((i) => i.email),
      });
      add({ name: "invitations or their e-mails stored twice", expected: "0", found: String(doubled.length), passed: doubled.length === 0, details: doubled.slice(0, 5).map((i) => i.email) });
    }

    // Attempts without a clear answer: committed or not, never twice (the checks above see every token).
    const uncertainTokens = ledger.uncertain.map((u) => u.token);
    if (uncertainTokens.length > 0) {
      const [found] = await rows<{ n: number }>(
        client,
        `SELECT (SELECT count(*)::int FROM "RequestMessage" WHERE body = ANY($1)) + (SELECT count(*)::int FROM "Invitation" WHERE email = ANY($1)) AS n`,
        [uncertainTokens],
      );
      uncertainCommitted = found!.n;
    }

    // Half-written state anywhere in the database (not only this run's rows).
    const half: { name: string; sql: string }[] = [
      {
        name: "requests without their OPENING message",
        sql: `SELECT r.id FROM "CooperationRequest" r WHERE NOT EXISTS (SELECT 1 FROM "RequestMessage" m WHERE m."requestId" = r.id AND m.kind = 'OPENING')`,
      },
      {
        name: "requests with more than one OPENING message",
        sql: `SELECT "requestId" AS id FROM "RequestMessage" WHERE kind = 'OPENING' GROUP BY "requestId" HAVING count(*) > 1`,
      },
      {
        name: "ACCEPTED requests without a partnership",
        sql: `SELECT r.id FROM "CooperationRequest" r LEFT JOIN "Partnership" p ON p.id = r."partnershipId" WHERE r.status = 'ACCEPTED' AND p.id IS NULL`,
      },
      {
        name: "ACCEPTED requests without their ACCEPTED message",
        sql: `SELECT r.id FROM "CooperationRequest" r WHERE r.status = 'ACCEPTED' AND NOT EXISTS (SELECT 1 FROM "RequestMessage" m WHERE m."requestId" = r.id AND m.kind = 'ACCEPTED')`,
      },
      {
        name: "OPEN requests with an ACCEPTED message",
        sql: `SELECT r.id FROM "CooperationRequest" r WHERE r.status = 'OPEN' AND EXISTS (SELECT 1 FROM "RequestMessage" m WHERE m."requestId" = r.id AND m.kind = 'ACCEPTED')`,
      },
      {
        name: "partnerships without an accepted request",
        sql: `SELECT p.id FROM "Partnership" p WHERE NOT EXISTS (SELECT 1 FROM "CooperationRequest" r WHERE r."partnershipId" = p.id AND r.status = 'ACCEPTED')`,
      },
      {
        name: "partnerships without their history",
        sql: `SELECT p.id FROM "Partnership" p WHERE NOT EXISTS (SELECT 1 FROM "PartnershipEvent" e WHERE e."partnershipId" = p.id)`,
      },
      {
        name: "invitations without their e-mail",
        sql: `SELECT i.id FROM "Invitation" i WHERE NOT EXISTS (SELECT 1 FROM "OutboxEmail" o WHERE o."toEmail" = i.email)`,
      },
    ];
    for (const h of half) {
      const found = await rows<{ id: string }>(client, h.sql);
      halfWritten += found.length;
      add({ name: h.name, expected: "0", found: String(found.length), passed: found.length === 0, details: found.slice(0, 5).map((r) => r.id) });
    }
  } finally {
    await client.end();
  }
  return { checks, lost, duplicated, halfWritten, uncertainCommitted };
}

/** Waits until the outbox holds no due mail (the worker backs off 30 s, then 1 min, after a failed attempt). */
export async function drainOutbox(databaseUrl: string, options: { timeoutMs: number; log: (line: string) => void }): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    let lastReport = 0;
    for (;;) {
      const [row] = await rows<{ pending: number; next: Date | null }>(
        client,
        `SELECT count(*)::int AS pending, min("nextAttemptAt") AS next FROM "OutboxEmail" WHERE status = 'PENDING'`,
      );
      if (row!.pending === 0) return true;
      const elapsed = performance.now() - started;
      if (elapsed > options.timeoutMs) return false;
      if (elapsed - lastReport > 10_000) {
        lastReport = elapsed;
        const wait = row!.next ? Math.max(0, Math.round((row!.next.getTime() - Date.now()) / 1000)) : 0;
        options.log(`waiting for the outbox: ${row!.pending} mails pending (next attempt due in ${wait} s)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

/** Each outbox row delivered exactly once: the capture's messages per recipient against the rows per recipient. */
export async function verifyMail(databaseUrl: string, captured: CapturedMail[]): Promise<{ checks: Check[]; mail: NonNullable<Verification["mail"]> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const outbox = await rows<{ toEmail: string; status: string; n: number }>(
      client,
      `SELECT lower("toEmail") AS "toEmail", status::text AS status, count(*)::int AS n FROM "OutboxEmail" GROUP BY 1, 2`,
    );
    const sentBy = new Map<string, number>();
    let sent = 0;
    let pending = 0;
    let failed = 0;
    for (const r of outbox) {
      if (r.status === "SENT") {
        sent += r.n;
        sentBy.set(r.toEmail, (sentBy.get(r.toEmail) ?? 0) + r.n);
      } else if (r.status === "PENDING") pending += r.n;
      else failed += r.n;
    }
    const capturedBy = new Map<string, number>();
    for (const m of captured) for (const to of m.to) capturedBy.set(to, (capturedBy.get(to) ?? 0) + 1);
    let missing = 0;
    let doubled = 0;
    const details: string[] = [];
    for (const address of new Set([...sentBy.keys(), ...capturedBy.keys()])) {
      const expected = sentBy.get(address) ?? 0;
      const got = capturedBy.get(address) ?? 0;
      if (got < expected) missing += expected - got;
      if (got > expected) doubled += got - expected;
      if (got !== expected && details.length < 5) details.push(`${address}: ${expected} sent in the outbox, ${got} received`);
    }
    const mail = { outboxRows: sent + pending + failed, sent, pending, failed, captured: captured.reduce((n, m) => n + m.to.length, 0), missing, duplicated: doubled };
    const checks: Check[] = [
      { name: "outbox mails still pending or failed", expected: "0", found: `${pending} pending, ${failed} failed`, passed: pending === 0 && failed === 0 },
      { name: "outbox mails received by the SMTP server", expected: String(sent), found: String(sent - missing), passed: missing === 0, details },
      { name: "mails received more than once", expected: "0", found: String(doubled), passed: doubled === 0 },
    ];
    return { checks, mail };
  } finally {
    await client.end();
  }
}
