import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedServer, type EmbeddedServer } from "../lib/db/embedded-server";
import { freePort } from "../lib/db/local-database";
import { migrateDeploy } from "../lib/db/migrate";

test("health answers 200 with db ok while PostgreSQL answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", db: "ok" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test.describe("when PostgreSQL restarts", () => {
  // A server of its own: this test stops and starts PostgreSQL under a
  // running app, which must not disturb the other tests' server.
  let pgServer: EmbeddedServer;
  let app: ChildProcess;
  let appUrl: string;
  let pgPort: number;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    pgPort = await freePort();
    pgServer = await startEmbeddedServer({ dataDir: `.data/e2e-restart-${process.env.E2E_PORT ?? 3100}/postgres`, port: pgPort });
    await pgServer.dropDatabase("covalent_restart");
    await pgServer.ensureDatabase("covalent_restart");
    await migrateDeploy(pgServer.url("covalent_restart"));
    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    app = spawn(
      process.execPath,
      [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(appPort), "-H", "127.0.0.1"],
      {
        stdio: "ignore",
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: pgServer.url("covalent_restart"),
          NEXTAUTH_SECRET: "restart-secret-restart-secret-restart-secret",
          NEXTAUTH_URL: appUrl,
        },
      },
    );
    await expect
      .poll(async () => (await fetch(`${appUrl}/api/health`).catch(() => undefined))?.status, { timeout: 30_000 })
      .toBe(200);
  });

  test.afterAll(async () => {
    app?.kill("SIGTERM");
    await pgServer?.stop();
  });

  test("the app answers 503 while the database is down and recovers by itself", async () => {
    test.setTimeout(60_000);
    await pgServer.stop();

    const down = await fetch(`${appUrl}/api/health`);
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toMatchObject({ status: "degraded", db: "unavailable" });
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|ECONNREFUSED|stack/i);

    const restartedAt = Date.now();
    pgServer = await startEmbeddedServer({ dataDir: `.data/e2e-restart-${process.env.E2E_PORT ?? 3100}/postgres`, port: pgPort });
    await expect
      .poll(async () => (await fetch(`${appUrl}/api/health`)).status, { timeout: 5_000, intervals: [100] })
      .toBe(200);
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
  });
});
