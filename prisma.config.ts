// Prisma CLI configuration (Prisma 7).
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Use our stand-in for Prisma's native schema engine, which the CLI would otherwise download
// (and fail to, on a machine without network). See docs/PRISMA-OFFLINE.md.
// The CLI reads this variable after loading this file, so setting it here is early enough.
// Opt-outs: a PRISMA_SCHEMA_ENGINE_BINARY you set yourself wins, and COVALENT_PRISMA_NATIVE_ENGINE=1
// leaves the CLI alone (it then downloads and uses the native engine as usual).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && process.env.COVALENT_PRISMA_NATIVE_ENGINE !== "1") {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(new URL("./scripts/prisma-engine/schema-engine.mjs", import.meta.url));
}

const embeddedPort = process.env.EMBEDDED_PG_PORT ?? "54329";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Default: the embedded PostgreSQL server the app starts (see EMBEDDED_PG_PORT).
    url: process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${embeddedPort}/covalent`,
    // No shadowDatabaseUrl: migrate dev creates and drops a temporary shadow database itself.
  },
});
