import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isDatabaseUpToDate, migrateDeploy } from "./migrate";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const name = `covalent_migrate_${randomBytes(4).toString("hex")}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe("migrateDeploy", () => {
  it("applies every migration to an empty database, and then knows it is up to date", async () => {
    await admin(`CREATE DATABASE "${name}"`);
    expect(await isDatabaseUpToDate(url)).toBe(false);
    await migrateDeploy(url);
    expect(await isDatabaseUpToDate(url)).toBe(true);

    // A migration recorded as rolled back counts as pending again.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = (SELECT id FROM "_prisma_migrations" LIMIT 1)`);
    await client.end();
    expect(await isDatabaseUpToDate(url)).toBe(false);
  });

  it("says no for an unreachable database instead of throwing", async () => {
    expect(await isDatabaseUpToDate("postgresql://nobody:wrong@127.0.0.1:1/none")).toBe(false);
  });
});
