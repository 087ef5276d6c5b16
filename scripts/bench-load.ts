/**
 * `npm run bench:load`: 100 concurrent simulated users for 60 seconds
 * against the built app on loopback, mixing directory searches (page and
 * API), public profile views, sign-ins, cooperation requests (send, reply,
 * accept, through the real server actions) and invitations (which queue an
 * e-mail). Prints errors by status and latency percentiles per kind, then
 * checks the database: every acknowledged write present exactly once, no
 * half-written state, every queued mail delivered exactly once. Exits 1 when
 * a target is missed (0 errors outside a fault, 0 lost, 0 duplicated, clean
 * failures during a fault, recovery after a database restart).
 * See docs/RELIABILITY.md for the figures.
 *
 * By default it starts everything itself, disturbing nobody: an embedded
 * PostgreSQL of its own (under .data/load-<id>/, removed afterwards) with a
 * fresh migrated database, the demo seed and the test users, an SMTP capture
 * server, and `next start` of the build in NEXT_DIST_DIR (default .next;
 * run `next build` first).
 *
 * Options:
 *   --users 100            simulated users (each its own organisation and client address), all concurrent
 *   --duration 60          seconds of load
 *   --instances 1          `next start` processes on one database; the load is spread over them
 *   --restart-db-at S      restart PostgreSQL S seconds into the run (fast shutdown, then start);
 *                          measures the time until every instance answers normally again
 *   --db-down-ms 0         keep PostgreSQL down this long during the restart
 *   --stop-smtp-at S       stop the SMTP server S seconds into the run ...
 *   --smtp-down 10         ... for this many seconds
 *   --think-ms 50          mean pause between a user's actions (uniform 0..2x)
 *   --mix page=25,api=20,profile=20,signin=2,send=12,reply=12,accept=4,invite=5
 *   --mail-drain 150       seconds to wait for the outbox to empty after the run
 *   --no-smtp              no SMTP capture (mail stays in the outbox; no mail check)
 *   --keep                 keep .data/load-<id>/ (database files, app logs)
 *   --json FILE            also write the report as JSON
 * With an app already running (no faults but through --restart-cmd):
 *   --url http://127.0.0.1:3000[,http://127.0.0.1:3001]   DATABASE_URL must name its database
 *   --smtp-port N          listen for its mail on this port (its SMTP_URL points there)
 * With another PostgreSQL server:
 *   --database-url postgresql://user:pass@host:5432/postgres   a fresh database is created there
 *   --restart-cmd "…"      shell command that restarts that server (for --restart-db-at)
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_MIX, type Mix } from "./load/scenario";
import { runLoad, type LoadReport } from "./load/run";

function parseMix(text: string | undefined): Mix {
  const mix = { ...DEFAULT_MIX };
  if (!text) return mix;
  for (const part of text.split(",")) {
    const [key, value] = part.split("=") as [keyof Mix, string];
    if (!(key in mix)) throw new Error(`unknown mix entry ${key}: one of ${Object.keys(mix).join(", ")}`);
    mix[key] = Number(value);
  }
  return mix;
}

function number(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${value}`);
  return n;
}

function print(report: LoadReport): void {
  const fmt = (v: number | undefined) => (v === undefined ? "n/a" : `${(v / 1000).toFixed(2)} s`);
  console.log("");
  console.log(`run ${report.runId}: ${report.users} users, ${report.seconds.toFixed(1)} s, ${report.instances.length} instance(s): ${report.instances.join(", ")}`);
  console.log(`machine: ${report.machine.cpus} CPUs, load average before ${report.machine.loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${report.machine.loadAfter.map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`first sign-ins (not in the figures): ${report.setupSignIns.ok} ok, ${report.setupSignIns.failed} failed, ${report.setupSignIns.seconds.toFixed(1)} s`);
  console.log("");
  const k = (s: (typeof report.kinds)[number]) =>
    `${s.kind.padEnd(16)} ${String(s.count).padStart(7)} ${String(s.errors).padStart(6)} ${s.p50.toFixed(0).padStart(7)} ${s.p95.toFixed(0).padStart(7)} ${s.p99.toFixed(0).padStart(7)} ${s.rps.toFixed(1).padStart(7)}`;
  console.log(`${"kind".padEnd(16)} ${"count".padStart(7)} ${"errors".padStart(6)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"req/s".padStart(7)}`);
  for (const s of report.kinds) console.log(k(s));
  console.log(k(report.overall));
  console.log("");
  console.log(`errors by outcome: ${report.errors.size === 0 ? "none" : ""}`);
  for (const [outcome, n] of report.errors) console.log(`  ${String(n).padStart(6)}  ${outcome}`);
  console.log(`errors outside any fault window: ${report.errorsOutsideFaults}`);
  console.log(
    `acknowledged writes: ${report.writes.sends} request sends, ${report.writes.replies} replies, ${report.writes.accepts} accepts, ${report.writes.invites} invitations; ${report.writes.uncertain} attempts without a clear answer`,
  );
  if (report.instanceChecks.length > 0) {
    console.log("");
    console.log("instances agree:");
    for (const c of report.instanceChecks) console.log(`  ${c.passed ? "ok  " : "FAIL"} ${c.name}: ${c.found}`);
  }
  for (const f of report.faults) {
    console.log("");
    if (f.kind === "database restart") {
      console.log(`database restart at ${f.atSeconds} s: PostgreSQL down ${fmt(f.downMs)}`);
      console.log(
        `  every instance answers normally to requests sent ${fmt(f.recoveryMs)} after PostgreSQL was back (${fmt(f.recoveryFromStopMs)} after the stop; those answers arrived after ${fmt(f.recoveryAnsweredMs)})`,
      );
      if (f.recoveryByEndpointMs) {
        const r = f.recoveryByEndpointMs;
        console.log(`  by endpoint (requests sent after PostgreSQL was back): health ${fmt(r.health)}, API ${fmt(r.api)}, page ${fmt(r.page)}`);
      }
    } else {
      console.log(`mail server stopped at ${f.atSeconds} s for ${fmt(f.downMs)}`);
    }
    if (f.probeFailures) {
      console.log(`  what the probe (health, API, a page, from the stop) got while it lasted: ${f.probeFailures.size === 0 ? "nothing but normal answers" : ""}`);
      for (const [outcome, n] of f.probeFailures) console.log(`    ${String(n).padStart(5)}  ${outcome}`);
    }
    const total = [...f.errorsDuring.values()].reduce((a, b) => a + b, 0);
    console.log(`  failures during it: ${total}${total ? "" : " (none)"}`);
    for (const [outcome, n] of f.errorsDuring) console.log(`    ${String(n).padStart(5)}  ${outcome}`);
    console.log(`  failures showing internals: ${f.unclean.length}`);
    for (const s of f.unclean.slice(0, 5)) console.log(`    ${s.kind} ${s.outcome}: …${s.evidence}…`);
  }
  console.log("");
  console.log("database and mail checks:");
  for (const c of [...report.verification.checks, ...report.mailChecks]) {
    console.log(`  ${c.passed ? "ok  " : "FAIL"} ${c.name}: expected ${c.expected}, found ${c.found}`);
    for (const d of c.details ?? []) if (!c.passed) console.log(`         ${d}`);
  }
  if (report.verification.mail) {
    const m = report.verification.mail;
    console.log(`  mail: ${m.outboxRows} in the outbox (${m.sent} sent, ${m.pending} pending, ${m.failed} failed), ${m.captured} received, ${m.missing} missing, ${m.duplicated} duplicated`);
  }
  console.log(`lost ${report.verification.lost}, duplicated ${report.verification.duplicated}, half-written ${report.verification.halfWritten}`);
  console.log(`attempts without a clear answer that were committed all the same (allowed, each once): ${report.verification.uncertainCommitted} of ${report.writes.uncertain}`);
  console.log(`error lines in the app logs: ${report.appLogErrors.count}`);
  console.log("");
  if (report.passed) console.log("PASS: every target met");
  else {
    console.log("FAIL:");
    for (const p of report.problems) console.log(`  - ${p}`);
  }
}

async function main() {
  // A run that ends without its report (a signal, a crash of the runner) says so.
  let reported = false;
  process.on("exit", (code) => {
    if (!reported) console.error(`[load] exiting with code ${code} before the report`);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => console.error(`[load] received ${signal}`));
  const { values } = parseArgs({
    options: {
      users: { type: "string" },
      duration: { type: "string" },
      instances: { type: "string" },
      "restart-db-at": { type: "string" },
      "db-down-ms": { type: "string" },
      "stop-smtp-at": { type: "string" },
      "smtp-down": { type: "string" },
      "think-ms": { type: "string" },
      mix: { type: "string" },
      "mail-drain": { type: "string" },
      "no-smtp": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      json: { type: "string" },
      url: { type: "string" },
      "smtp-port": { type: "string" },
      "database-url": { type: "string" },
      "restart-cmd": { type: "string" },
    },
  });
  const report = await runLoad({
    users: Math.max(2, number(values.users, 100)),
    durationSeconds: number(values.duration, 60),
    instances: Math.max(1, number(values.instances, 1)),
    restartDbAt: values["restart-db-at"] === undefined ? undefined : number(values["restart-db-at"], 0),
    dbDownMs: number(values["db-down-ms"], 0),
    stopSmtpAt: values["stop-smtp-at"] === undefined ? undefined : number(values["stop-smtp-at"], 0),
    smtpDownSeconds: number(values["smtp-down"], 10),
    thinkMs: number(values["think-ms"], 50),
    mix: parseMix(values.mix),
    url: values.url,
    databaseUrl: process.env.DATABASE_URL,
    databaseServerUrl: values["database-url"],
    restartCommand: values["restart-cmd"],
    distDir: process.env.NEXT_DIST_DIR || ".next",
    smtpPort: values["smtp-port"] === undefined ? undefined : number(values["smtp-port"], 0),
    smtp: !values["no-smtp"],
    mailDrainTimeoutMs: number(values["mail-drain"], 150) * 1000,
    keep: values.keep,
    log: (line) => console.log(`[load] ${line}`),
  });
  print(report);
  reported = true;
  if (values.json) {
    const plain = JSON.stringify(report, (key, v: unknown) => (key === "probeAnswers" ? undefined : v instanceof Map ? Object.fromEntries(v) : v), 2);
    fs.writeFileSync(values.json, plain);
  }
  process.exit(report.passed ? 0 : 1);
}

main().catch((error) => {
  console.error("[load] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
