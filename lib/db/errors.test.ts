import net from "node:net";
import { describe, expect, it } from "vitest";
import { createDbClient } from "./create-client";
import { isDatabaseUnavailable } from "./errors";

/** A loopback port nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("isDatabaseUnavailable", () => {
  it("recognises what the real client throws when PostgreSQL is not there", async () => {
    const db = createDbClient(`postgresql://nobody:secret@127.0.0.1:${await closedPort()}/none`, { max: 1 });
    try {
      const error = await db.$queryRaw`SELECT 1`.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("says no for an invalid query, which is a bug and not an outage", async () => {
    const db = createDbClient(`postgresql://nobody:secret@127.0.0.1:${await closedPort()}/none`, { max: 1 });
    try {
      // Rejected by the client before any connection is made.
      const error = await db.user.findUnique({ where: {} as never }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(isDatabaseUnavailable(error)).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });

  // The shapes seen in the app's log while `bench:load --restart-db-at` restarted PostgreSQL.
  it.each([
    ["shutting down (Prisma, PostgreSQL code)", { name: "PrismaClientKnownRequestError", code: "P2010", message: "Database error. Code: `57P03`. Message: `the database system is shutting down`" }],
    ["administrator command", { name: "PrismaClientKnownRequestError", code: "P2039", message: "Database error. Code: `57P01`. Message: `terminating connection due to administrator command`" }],
    ["server closed the connection", { name: "PrismaClientKnownRequestError", code: "P1017", message: "Server has closed the connection." }],
    ["driver adapter cause", { name: "PrismaClientKnownRequestError", code: "P2010", message: "x", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }],
    ["driver adapter PostgreSQL code", { name: "DriverAdapterError", message: "x", cause: { kind: "postgres", code: "57P03" } }],
    ["a dead pooled client", new Error("Client has encountered a connection error and is not queryable")],
    ["pool timeout", new Error("timeout exceeded when trying to connect")],
    ["connection terminated", new Error("Connection terminated unexpectedly")],
    ["initialisation", { name: "PrismaClientInitializationError", message: "Can't reach database server" }],
    ["a raw node-postgres refusal", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect" })],
    ["a raw node-postgres shutdown error", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" })],
  ])("yes for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { name: "PrismaClientKnownRequestError", code: "P2002", message: "Unique constraint failed on the fields: (`email`)" }],
    ["a serialisation failure", { name: "PrismaClientKnownRequestError", code: "P2034", message: "Transaction failed due to a write conflict or a deadlock" }],
    ["a programming error", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("no for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
