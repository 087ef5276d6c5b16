import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "covalent-env-"));
}

describe("parseEnv", () => {
  it("starts with no settings at all in development, and keeps a generated secret", () => {
    const dataDir = tempDir();
    const first = parseEnv({ DATA_DIR: dataDir });
    expect(first.databaseUrl).toBeUndefined();
    expect(first.port).toBe(3000);
    expect(first.appUrl).toBe("http://localhost:3000");
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.devMailbox).toBe(true);
    // The same secret on the next start: sessions survive restarts.
    expect(parseEnv({ DATA_DIR: dataDir }).authSecret).toBe(first.authSecret);
  });

  it("refuses to start in production without the required settings, naming them", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATA_DIR: tempDir() })).toThrowError(
      /Missing required settings in production: NEXTAUTH_SECRET, DATABASE_URL/,
    );
    expect(() =>
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db/covalent" }),
    ).toThrowError(/NEXTAUTH_SECRET/);
  });

  it("accepts a complete production configuration and never shows the mailbox with SMTP", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u:p@db:5432/covalent",
      NEXTAUTH_SECRET: "x".repeat(40),
      APP_URL: "https://covalent.example.com/",
      SMTP_URL: "smtp://user:pass@mail.example.com:587",
      DEV_MAILBOX: "1",
    });
    expect(env.isProduction).toBe(true);
    expect(env.appUrl).toBe("https://covalent.example.com");
    expect(env.devMailbox).toBe(false);
  });

  it("names each invalid setting", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty", SMTP_URL: "http://mail" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("PORT");
      expect(message).toContain("SMTP_URL");
    }
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "", DATA_DIR: tempDir() }).databaseUrl).toBeUndefined();
  });

  it("trusts no proxy unless told how many there are", () => {
    const dataDir = tempDir();
    expect(parseEnv({ DATA_DIR: dataDir }).trustProxyHops).toBe(0);
    expect(parseEnv({ DATA_DIR: dataDir, TRUST_PROXY: "false" }).trustProxyHops).toBe(0);
    expect(parseEnv({ DATA_DIR: dataDir, TRUST_PROXY: "true" }).trustProxyHops).toBe(1);
    expect(parseEnv({ DATA_DIR: dataDir, TRUST_PROXY: " 2 " }).trustProxyHops).toBe(2);
    expect(() => parseEnv({ DATA_DIR: dataDir, TRUST_PROXY: "yes" })).toThrowError(/TRUST_PROXY/);
    expect(() => parseEnv({ DATA_DIR: dataDir, TRUST_PROXY: "-1" })).toThrowError(/TRUST_PROXY/);
  });

  it("treats an https:// APP_URL, and only that, as served over HTTPS", () => {
    const dataDir = tempDir();
    expect(parseEnv({ DATA_DIR: dataDir }).isHttps).toBe(false);
    expect(parseEnv({ DATA_DIR: dataDir, APP_URL: "http://127.0.0.1:3100", NODE_ENV: "test" }).isHttps).toBe(false);
    expect(parseEnv({ DATA_DIR: dataDir, APP_URL: "https://covalent.example.com" }).isHttps).toBe(true);
    // NEXTAUTH_URL stands in for APP_URL, as it does for links.
    expect(parseEnv({ DATA_DIR: dataDir, NEXTAUTH_URL: "https://covalent.example.com" }).isHttps).toBe(true);
  });
});
