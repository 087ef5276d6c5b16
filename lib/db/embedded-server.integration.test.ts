/**
 * The embedded PostgreSQL's life cycle: data kept across restarts, a clean
 * stop on SIGTERM, and a start that is not blocked by what a crash leaves
 * behind (a stale postmaster.pid, an orphaned server).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded-server";
import { freePort } from "./local-database";

const baseDir = path.resolve(".data/test-lifecycle", randomBytes(4).toString("hex"));
const started: EmbeddedServer[] = [];

afterAll(async () => {
  for (const server of started) await server.stop().catch(() => undefined);
  fs.rmSync(baseDir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `npm run db` (scripts/db.ts) on its own data directory and port until it says it is running. */
async function startDbScript(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db.ts"], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`db script did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("PostgreSQL is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`db script exited (${code}):\n${output}`)));
  });
  return child;
}

describe("embedded PostgreSQL", () => {
  it("keeps data across a stop and a start", async () => {
    const dataDir = path.join(baseDir, "persist");
    const port = await freePort();
    const first = await startEmbeddedServer({ dataDir, port });
    await first.ensureDatabase("keep");
    await query(first.url("keep"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);

    const second = await startEmbeddedServer({ dataDir, port });
    started.push(second);
    expect(await query(second.url("keep"), "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
  });

  it("starts despite a stale postmaster.pid whose PID now belongs to another process", async () => {
    const dataDir = path.join(baseDir, "stale");
    const port = await freePort();
    const server = await startEmbeddedServer({ dataDir, port });
    await server.stop();
    // After a crash the PID is often reused; here it is this test's own process.
    fs.writeFileSync(path.join(dataDir, "postmaster.pid"), `${process.pid}\n${dataDir}\n`);

    const again = await startEmbeddedServer({ dataDir, port });
    started.push(again);
    expect(await query(again.url("postgres"), "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await again.stop();
  });

  it("stops PostgreSQL cleanly on SIGTERM, and recovers the data of an orphaned server after a crash", async () => {
    const dataDir = path.join(baseDir, "signals");
    const port = await freePort();
    const pgDir = path.join(dataDir, "postgres");

    // SIGTERM: the script stops PostgreSQL and exits 0; no lock file is left.
    const graceful = await startDbScript(dataDir, port);
    await query(`postgresql://postgres:postgres@127.0.0.1:${port}/covalent`, "CREATE TABLE survived (v int); INSERT INTO survived VALUES (42)");
    const exitCode = await new Promise<number | null>((resolve) => {
      graceful.on("exit", resolve);
      graceful.kill("SIGTERM");
    });
    expect(exitCode).toBe(0);
    expect(fs.existsSync(path.join(pgDir, "postmaster.pid"))).toBe(false);

    // SIGKILL: the script dies, its PostgreSQL lives on as an orphan holding the port.
    const crashed = await startDbScript(dataDir, port);
    crashed.kill("SIGKILL");
    await new Promise((resolve) => crashed.on("exit", resolve));
    expect(fs.existsSync(path.join(pgDir, "postmaster.pid"))).toBe(true);

    // The next start stops the orphan gracefully and takes over, with the data intact.
    const next = await startEmbeddedServer({ dataDir: pgDir, port });
    started.push(next);
    expect(await query(next.url("covalent"), "SELECT v FROM survived")).toEqual([{ v: 42 }]);
    await next.stop();
  });
});
