import { describe, expect, it } from "vitest";
import { BASE_SECURITY_HEADERS, buildContentSecurityPolicy, createNonce } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("buildContentSecurityPolicy", () => {
  const production = directives(buildContentSecurityPolicy({ nonce: "abc123==", isDevelopment: false, isHttps: true }));

  it("runs only scripts with this response's nonce and what they load: no inline script, no eval", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
  });

  it("cannot be framed and posts forms only to itself", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("allows eval only for the development server", () => {
    const development = directives(buildContentSecurityPolicy({ nonce: "n", isDevelopment: true, isHttps: false }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only when served over HTTPS (plain-HTTP test servers would break)", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(true);
    const plain = directives(buildContentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: false }));
    expect(plain.has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("BASE_SECURITY_HEADERS", () => {
  it("forbid sniffing and framing and keep paths out of referrers", () => {
    const byName = Object.fromEntries(BASE_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value]));
    expect(byName).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(byName["permissions-policy"]).toContain("camera=()");
    // HSTS depends on how the app is served (APP_URL), so proxy.ts sets it at run time, not here at build time.
    expect(byName).not.toHaveProperty("strict-transport-security");
  });
});
