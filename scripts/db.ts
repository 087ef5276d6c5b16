/**
 * `npm run db`: only the local embedded PostgreSQL (the same one `npm start`
 * uses), migrated, until Ctrl-C. For Prisma CLI work such as
 * `npx prisma migrate dev --name …` without running the app.
 */
import { EnvError, getEnv } from "../lib/env";
import { openLocalDatabase } from "../lib/db/local-database";

async function main() {
  const env = getEnv();
  if (env.databaseUrl) {
    console.log("[covalent] DATABASE_URL is set: nothing to start.");
    return;
  }
  const database = await openLocalDatabase({ dataDir: env.dataDir, port: env.embeddedPgPort, database: "covalent" });
  console.log(`[covalent] PostgreSQL is running: ${database.databaseUrl}`);
  console.log("[covalent] press Ctrl-C to stop");
  const stop = async () => {
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  console.error("[covalent]", error instanceof EnvError || error instanceof Error ? error.message : error);
  process.exit(1);
});
