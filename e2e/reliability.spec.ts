/**
 * The short version of `npm run bench:load` (scripts/load/), against the
 * built app: 20 simulated users for 15 seconds on two `next start`
 * processes sharing one PostgreSQL of the test's own (never the other
 * tests' server), with the SMTP server stopped for a while and PostgreSQL
 * restarted while it is down. Asserts what must hold however slow the
 * machine is: the instances agree (sessions, rate limits, caches), the app
 * recovers by itself, failures during the restart are clean (503 from the
 * API and the health check, no internals anywhere), and every acknowledged
 * write and queued e-mail is there exactly once, with nothing half written.
 * No timing is asserted; docs/RELIABILITY.md has the figures of the full run.
 */
import { expect, test } from "@playwright/test";
import { runLoad, type LoadReport } from "../scripts/load/run";
import { DEFAULT_MIX } from "../scripts/load/scenario";

test("under load, a database restart and a mail outage lose, duplicate and half-write nothing", async () => {
  test.setTimeout(300_000);
  const lines: string[] = [];
  let report: LoadReport;
  try {
    report = await runLoad({
      users: 20,
      durationSeconds: 15,
      instances: 2,
      // The mail server is down from 3 s to 11 s, PostgreSQL from 6 s for at
      // least a second: no mail can be handed over while a restart could
      // lose the worker's "sent" mark (delivery is at least once).
      stopSmtpAt: 3,
      smtpDownSeconds: 8,
      restartDbAt: 6,
      dbDownMs: 1_000,
      thinkMs: 100,
      mix: { ...DEFAULT_MIX, accept: 6 },
      distDir: process.env.NEXT_DIST_DIR || ".next",
      smtp: true,
      // A mail refused during the outage is retried 30 s later (lib/mail/worker.ts).
      mailDrainTimeoutMs: 120_000,
      keep: false,
      log: (line) => lines.push(line),
    });
  } finally {
    console.log(lines.join("\n"));
  }

  // The run did what it is meant to check: writes of every kind, and an outage the app noticed.
  expect(report.writes.sends, "request sends acknowledged").toBeGreaterThan(0);
  expect(report.writes.replies, "replies acknowledged").toBeGreaterThan(0);
  expect(report.writes.invites, "invitations (with their e-mail) acknowledged").toBeGreaterThan(0);
  expect(report.verification.mail?.sent, "mails delivered").toBeGreaterThan(0);

  // Two instances behave as one.
  expect(report.instanceChecks.map((c) => [c.name, c.passed, c.found])).toEqual(
    report.instanceChecks.map((c) => [c.name, true, c.found]),
  );
  expect(report.instanceChecks).toHaveLength(4);

  // The restart: the app noticed it, answered cleanly, and came back by itself.
  const restart = report.faults.find((f) => f.kind === "database restart")!;
  expect(restart, "the database restart happened").toBeDefined();
  expect(restart.recoveryMs, "the app answered normally again after PostgreSQL returned").toBeDefined();
  const probed = restart.probeAnswers ?? [];
  const failedProbes = probed.filter((a) => !a.isNormal);
  expect(failedProbes.filter((a) => a.endpoint === "health").length, "the health check reported the outage").toBeGreaterThan(0);
  expect(failedProbes.filter((a) => !a.isClean), "no answer shows internals").toEqual([]);
  expect(
    failedProbes.filter((a) => a.endpoint !== "page").map((a) => `${a.endpoint} ${a.status} ${a.code}`),
    "the health check and the API answer 503 while the database is down",
  ).toEqual(failedProbes.filter((a) => a.endpoint !== "page").map((a) => `${a.endpoint} 503 ${a.endpoint === "health" ? "degraded" : "unavailable"}`));

  // Nothing failed outside the restart (the mail outage included), nothing leaked internals.
  expect(report.errorsOutsideFaults, `failures outside the restart: ${[...report.errors.keys()].join("; ")}`).toBe(0);
  expect(report.faults.flatMap((f) => f.unclean).map((s) => `${s.kind} ${s.outcome} ${s.evidence}`)).toEqual([]);

  // Every acknowledged write once, nothing half written, every mail delivered once.
  expect(report.verification.lost).toBe(0);
  expect(report.verification.duplicated).toBe(0);
  expect(report.verification.halfWritten).toBe(0);
  expect([...report.verification.checks, ...report.mailChecks].filter((c) => !c.passed)).toEqual([]);
  expect(report.verification.mail).toMatchObject({ pending: 0, failed: 0, missing: 0, duplicated: 0 });
  expect(report.problems).toEqual([]);
});
