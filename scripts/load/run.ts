/**
 * The load and fault run behind `npm run bench:load` and the reliability
 * end-to-end test: prepares the environment, signs the simulated users in,
 * checks that several instances agree, runs the load with the faults asked
 * for, then checks the database and the mail against what was acknowledged.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import {
  createLoadUsers,
  openDatabase,
  prepareData,
  startApp,
  startSmtpCapture,
  type AppInstance,
  type Database,
  type LoadUser,
  type SmtpCapture,
  waitForPostgres,
} from "./environment";
import { actionId, readActionIds } from "./http";
import { checkInstancesAgree } from "./instances";
import { describeProbeAnswers, startProbe, type ProbeAnswer } from "./probe";
import { Ledger, SimulatedUser, type ActionIds, type Mix, type Shared } from "./scenario";
import { errorsByOutcome, Recorder, summarise, type KindSummary, type Sample } from "./stats";
import { drainOutbox, verifyDatabase, verifyMail, type Check, type Verification } from "./verify";
import { createDbClient } from "../../lib/db/create-client";

export type LoadOptions = {
  users: number;
  durationSeconds: number;
  instances: number;
  /** Seconds into the run at which PostgreSQL is restarted. */
  restartDbAt?: number;
  /** How long PostgreSQL stays down during the restart (ms). */
  dbDownMs: number;
  /** Seconds into the run at which the SMTP server stops. */
  stopSmtpAt?: number;
  /** How long the SMTP server stays down (s). */
  smtpDownSeconds: number;
  thinkMs: number;
  mix: Mix;
  /** An app already running (then DATABASE_URL names its database; no faults but --restart-cmd). */
  url?: string;
  databaseUrl?: string;
  /** A PostgreSQL server to create the test database on (instead of an embedded one). */
  databaseServerUrl?: string;
  restartCommand?: string;
  distDir: string;
  /** Port of the SMTP capture (with --url: the port the running app's SMTP_URL points at). */
  smtpPort?: number;
  smtp: boolean;
  mailDrainTimeoutMs: number;
  keep: boolean;
  log: (line: string) => void;
};

export type FaultReport = {
  kind: "database restart" | "mail server stop";
  atSeconds: number;
  /** PostgreSQL down for (restart). */
  downMs?: number;
  /**
   * From PostgreSQL accepting connections again to the first probe round
   * (health, API, a page, on every instance) that was answered normally,
   * counted to when that round was sent.
   */
  recoveryMs?: number;
  /** The same, counted to when its answers arrived. */
  recoveryAnsweredMs?: number;
  /** Per endpoint (the slowest instance). */
  recoveryByEndpointMs?: { health: number; api: number; page: number };
  /** From the stop to every instance answering normally. */
  recoveryFromStopMs?: number;
  /** What the probe saw from the stop until the app was normal again: failures by endpoint, status and code. */
  probeFailures?: Map<string, number>;
  probeAnswers?: ProbeAnswer[];
  /** Load exchanges that failed while the fault lasted, by outcome. */
  errorsDuring: Map<string, number>;
  /** Failures during the fault whose body showed internals (stack frames, driver errors). */
  unclean: Sample[];
};

export type LoadReport = {
  runId: string;
  seconds: number;
  users: number;
  instances: string[];
  kinds: KindSummary[];
  overall: KindSummary;
  errors: Map<string, number>;
  /** Failures outside every fault window (the target is 0). */
  errorsOutsideFaults: number;
  setupSignIns: { ok: number; failed: number; seconds: number };
  writes: { sends: number; replies: number; accepts: number; invites: number; uncertain: number };
  instanceChecks: Check[];
  faults: FaultReport[];
  verification: Verification;
  mailChecks: Check[];
  appLogErrors: { count: number; leaks: string[] };
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[] };
  passed: boolean;
  problems: string[];
};

type Window = { from: number; to: number };

function overlaps(sample: Sample, window: Window): boolean {
  return sample.at <= window.to && sample.at + sample.ms >= window.from;
}

function findActionIds(distDir: string): ActionIds {
  const ids = readActionIds(distDir);
  const requestsFile = "lib/requests/actions.ts";
  const fromRequests = (pattern: RegExp) => {
    for (const [key, id] of ids) {
      const [file, name] = key.split("#") as [string, string];
      if (file === requestsFile && pattern.test(name)) return id;
    }
    return undefined;
  };
  return {
    send: fromRequests(/^send/i),
    reply: fromRequests(/^reply/i),
    accept: fromRequests(/^accept/i),
    invite: actionId(ids, "lib/orgs/actions.ts", "inviteMemberAction"),
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log;
  const runId = randomBytes(3).toString("hex");
  const workDir = path.resolve(".data", `load-${runId}`);
  fs.mkdirSync(workDir, { recursive: true });
  const loadBefore = os.loadavg();
  const problems: string[] = [];

  let database: Database | undefined;
  let smtp: SmtpCapture | undefined;
  const apps: AppInstance[] = [];
  try {
    // --- environment ---
    let databaseUrl: string;
    let users: LoadUser[];
    let publicSlugs: string[];
    let instances: string[];
    let spare: LoadUser;
    if (options.url) {
      if (!options.databaseUrl) throw new Error("--url needs DATABASE_URL (the running app's database) to create users and check writes");
      databaseUrl = options.databaseUrl;
      const db = createDbClient(databaseUrl, { max: 4 });
      try {
        const all = await createLoadUsers(db, options.users + 1, runId);
        users = all.slice(0, options.users);
        spare = all[options.users]!;
        publicSlugs = (
          await db.clusterProfile.findMany({ where: { status: "APPROVED" }, select: { organization: { select: { slug: true } } }, take: 500 })
        ).map((p) => p.organization.slug);
      } finally {
        await db.$disconnect();
      }
      instances = options.url.split(",").map((u) => u.trim().replace(/\/$/, ""));
      if (options.smtpPort) smtp = await startSmtpCapture({ port: options.smtpPort });
      if (options.restartDbAt !== undefined && !options.restartCommand) throw new Error("--restart-db-at with --url needs --restart-cmd");
      if (options.restartCommand) {
        database = {
          url: databaseUrl,
          canRestart: true,
          restart: async () => {
            const { spawn } = await import("node:child_process");
            const stoppedAt = performance.now();
            await new Promise<void>((resolve, reject) => {
              const child = spawn("sh", ["-c", options.restartCommand!], { stdio: "inherit" });
              child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`restart command exited ${code}`))));
            });
            await waitForPostgres(databaseUrl);
            return { stoppedAt, upAt: performance.now() };
          },
          close: async () => undefined,
        };
      }
    } else {
      log(`preparing: PostgreSQL ${options.databaseServerUrl ? "(given server)" : "(embedded, own data directory)"}, database covalent_load_${runId}`);
      database = await openDatabase({
        serverUrl: options.databaseServerUrl,
        restartCommand: options.restartCommand,
        workDir,
        name: `covalent_load_${runId}`,
        log,
      });
      databaseUrl = database.url;
      const prepared = await prepareData(databaseUrl, options.users + 1, runId);
      users = prepared.users.slice(0, options.users);
      spare = prepared.users[options.users]!;
      publicSlugs = prepared.publicSlugs;
      if (options.smtp || options.stopSmtpAt !== undefined) smtp = await startSmtpCapture({ port: options.smtpPort });
      for (let i = 0; i < options.instances; i++) {
        const app = await startApp({
          index: i,
          databaseUrl,
          distDir: options.distDir,
          workDir,
          smtpUrl: smtp?.url,
        });
        apps.push(app);
        log(`app instance ${i + 1}: ${app.base} (log ${path.relative(process.cwd(), app.logFile)})`);
      }
      instances = apps.map((a) => a.base);
    }
    if (options.restartDbAt !== undefined && !database?.canRestart) throw new Error("this database cannot be restarted by the test");

    const actions = findActionIds(options.distDir);
    const missing = (["send", "reply", "accept"] as const).filter((k) => !actions[k]);
    if (missing.length > 0) {
      problems.push(`request actions not found in the build (lib/requests/actions.ts): ${missing.join(", ")}; the mix runs without them`);
      log(`note: ${problems.at(-1)}`);
    }

    // --- sign everyone in (not measured: argon2 is slow on purpose) ---
    const ledger = new Ledger();
    const recorder = new Recorder(performance.now());
    const shared: Shared = {
      instances,
      users,
      publicSlugs,
      actions,
      recorder,
      ledger,
      runId,
      mix: options.mix,
      thinkMs: options.thinkMs,
      deadline: 0,
    };
    const simulated = users.map((u) => new SimulatedUser(u, shared));
    const signInStarted = performance.now();
    let signInOk = 0;
    let signInFailed = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(8, simulated.length) }, async () => {
        while (next < simulated.length) {
          const sim = simulated[next++]!;
          if (await sim.signInFirst()) signInOk++;
          else signInFailed++;
        }
      }),
    );
    const setupSignIns = { ok: signInOk, failed: signInFailed, seconds: (performance.now() - signInStarted) / 1000 };
    log(`signed in ${signInOk} users in ${setupSignIns.seconds.toFixed(1)} s${signInFailed ? ` (${signInFailed} failed)` : ""}`);
    if (signInFailed > 0) problems.push(`${signInFailed} of the first sign-ins failed`);

    // --- instances agree ---
    let instanceChecks: Check[] = [];
    if (instances.length > 1) {
      log("checking that the instances agree (sessions, rate limits, caches)");
      instanceChecks = await checkInstancesAgree({ instances, databaseUrl, user: users[0]!, spareUser: spare, runId });
      for (const c of instanceChecks) log(`  ${c.passed ? "ok  " : "FAIL"} ${c.name}: ${c.found}`);
    }

    // --- the load ---
    log(`load: ${options.users} simulated users for ${options.durationSeconds} s on ${instances.length} instance(s)`);
    const start = performance.now();
    recorder.restart(start);
    shared.deadline = start + options.durationSeconds * 1000;
    const faults: FaultReport[] = [];
    const windows: Window[] = [];
    const faultTasks: Promise<void>[] = [];

    if (options.restartDbAt !== undefined) {
      faultTasks.push(
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, options.restartDbAt! * 1000));
          log(`t=${options.restartDbAt} s: restarting PostgreSQL`);
          const probe = startProbe({ instances, slug: publicSlugs[0]! });
          const { stoppedAt, upAt } = await database!.restart({ downMs: options.dbDownMs });
          const { answers, normal } = await probe.finish({ upAt, deadline: upAt + 60_000 });
          const window = { from: stoppedAt - start, to: (normal?.answeredAt ?? upAt + 60_000) - start };
          windows.push(window);
          faults.push({
            kind: "database restart",
            atSeconds: options.restartDbAt!,
            downMs: upAt - stoppedAt,
            recoveryMs: normal === undefined ? undefined : Math.max(0, normal.startedAt - upAt),
            recoveryAnsweredMs: normal === undefined ? undefined : normal.answeredAt - upAt,
            recoveryFromStopMs: normal === undefined ? undefined : Math.max(normal.startedAt, upAt) - stoppedAt,
            recoveryByEndpointMs: normal === undefined ? undefined : {
              health: normal.byEndpoint.health - upAt,
              api: normal.byEndpoint.api - upAt,
              page: normal.byEndpoint.page - upAt,
            },
            probeFailures: describeProbeAnswers(answers),
            probeAnswers: answers,
            errorsDuring: new Map(),
            unclean: [],
          });
          log(
            normal === undefined
              ? "the app did NOT answer normally within 60 s of PostgreSQL's return"
              : `PostgreSQL down ${((upAt - stoppedAt) / 1000).toFixed(2)} s; normal answers everywhere to requests sent ${(Math.max(0, normal.startedAt - upAt) / 1000).toFixed(2)} s after its return (health ${((normal.byEndpoint.health - upAt) / 1000).toFixed(2)} s, API ${((normal.byEndpoint.api - upAt) / 1000).toFixed(2)} s, page ${((normal.byEndpoint.page - upAt) / 1000).toFixed(2)} s; the answers arrived after ${((normal.answeredAt - upAt) / 1000).toFixed(2)} s)`,
          );
        })(),
      );
    }
    if (options.stopSmtpAt !== undefined) {
      if (!smtp) throw new Error("--stop-smtp-at needs the SMTP capture (with --url: --smtp-port)");
      faultTasks.push(
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, options.stopSmtpAt! * 1000));
          log(`t=${options.stopSmtpAt} s: stopping the SMTP server for ${options.smtpDownSeconds} s`);
          const from = performance.now() - start;
          await smtp!.stop();
          await new Promise((resolve) => setTimeout(resolve, options.smtpDownSeconds * 1000));
          await smtp!.start();
          const to = performance.now() - start;
          log("SMTP server back");
          // A mail outage must not fail anything: its window is reported, not excused.
          faults.push({ kind: "mail server stop", atSeconds: options.stopSmtpAt!, downMs: to - from, errorsDuring: new Map(), unclean: [], recoveryMs: undefined });
          (faults.at(-1) as FaultReport & { window?: Window }).window = { from, to };
        })(),
      );
    }

    await Promise.all(simulated.map((s) => s.run()));
    const seconds = (performance.now() - start) / 1000;
    await Promise.all(faultTasks);
    log(`load done: ${recorder.samples.length} exchanges in ${seconds.toFixed(1)} s`);
    const loadAfter = os.loadavg();

    // --- errors, by fault window ---
    const samples = recorder.samples;
    const inSomeWindow = (s: Sample) => windows.some((w) => overlaps(s, w));
    for (const fault of faults) {
      const window = fault.kind === "database restart" ? windows[0]! : (fault as FaultReport & { window?: Window }).window!;
      // Failures while the mail server was down count as errors (actions must still succeed), unless the database was down too.
      const during = samples.filter((s) => !s.ok && overlaps(s, window) && (fault.kind === "database restart" || !inSomeWindow(s)));
      fault.errorsDuring = errorsByOutcome(during);
      fault.unclean = during.filter((s) => s.clean === false);
    }
    const errorsOutsideFaults = samples.filter((s) => !s.ok && !inSomeWindow(s)).length;
    const unclean = samples.filter((s) => !s.ok && s.clean === false);

    // --- mail delivered ---
    let mailChecks: Check[] = [];
    let mail: Verification["mail"];
    if (smtp) {
      if (!smtp.isRunning()) await smtp.start();
      log("waiting for the outbox to drain");
      const drained = await drainOutbox(databaseUrl, { timeoutMs: options.mailDrainTimeoutMs, log });
      if (!drained) problems.push(`the outbox did not drain within ${options.mailDrainTimeoutMs / 1000} s`);
      // A message the worker just handed over is recorded a moment later.
      await new Promise((resolve) => setTimeout(resolve, 500));
      ({ checks: mailChecks, mail } = await verifyMail(databaseUrl, smtp.messages));
    }

    // --- the database ---
    const verification = await verifyDatabase(databaseUrl, ledger, runId);
    verification.mail = mail;

    // --- the app's own logs: errors are fine there (stacks belong in the log), but count them ---
    const logText = apps.map((a) => a.output()).join("\n");
    const errorLines = logText.split("\n").filter((l) => /"level":"error"|⨯|Error:/.test(l));
    const appLogErrors = { count: errorLines.length, leaks: [] as string[] };

    const { kinds, overall } = summarise(samples, seconds);
    const writes = {
      sends: ledger.sends.length,
      replies: ledger.replies.length,
      accepts: ledger.accepts.length,
      invites: ledger.invites.length,
      uncertain: ledger.uncertain.length,
    };

    // --- targets ---
    if (errorsOutsideFaults > 0) problems.push(`${errorsOutsideFaults} failed exchanges outside any fault`);
    if (unclean.length > 0) problems.push(`${unclean.length} failures showed internals (stack trace or driver error)`);
    if (verification.lost > 0) problems.push(`${verification.lost} acknowledged writes lost`);
    if (verification.duplicated > 0) problems.push(`${verification.duplicated} writes duplicated`);
    if (verification.halfWritten > 0) problems.push(`${verification.halfWritten} half-written rows`);
    for (const c of [...verification.checks, ...mailChecks, ...instanceChecks]) if (!c.passed && !problems.some((p) => p.includes(c.name))) problems.push(`check failed: ${c.name} (${c.found})`);
    for (const f of faults) {
      if (f.kind === "database restart" && f.recoveryMs === undefined) problems.push("the app did not recover after the database restart");
      const uncleanProbes = (f.probeAnswers ?? []).filter((a) => !a.isNormal && !a.isClean);
      if (uncleanProbes.length > 0) problems.push(`${uncleanProbes.length} probe answers during the restart showed internals: …${uncleanProbes[0]!.evidence}…`);
    }
    if (writes.sends === 0 && actions.send) problems.push("no request send was acknowledged");

    return {
      runId,
      seconds,
      users: options.users,
      instances,
      kinds,
      overall,
      errors: errorsByOutcome(samples),
      errorsOutsideFaults,
      setupSignIns,
      writes,
      instanceChecks,
      faults,
      verification,
      mailChecks,
      appLogErrors,
      machine: { cpus: os.cpus().length, loadBefore, loadAfter },
      passed: problems.length === 0,
      problems,
    };
  } finally {
    for (const app of apps) await app.stop().catch(() => undefined);
    await smtp?.stop().catch(() => undefined);
    // The embedded server is stopped; a database on a given server is dropped unless --keep.
    if (!(options.keep && options.databaseServerUrl)) await database?.close().catch(() => undefined);
    // --keep leaves the data directory (the embedded database, stopped) and the app logs for a look.
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

