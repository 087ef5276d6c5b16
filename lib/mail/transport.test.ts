import { describe, expect, it } from "vitest";
import { smtpOptionsFromUrl } from "./transport";

describe("smtpOptionsFromUrl", () => {
  it("reads host, port and credentials (percent-decoded)", () => {
    expect(smtpOptionsFromUrl("smtp://mailer%40example.org:p%3Ass@smtp.example.org:587")).toMatchObject({
      host: "smtp.example.org",
      port: 587,
      secure: false,
      ignoreTLS: false,
      requireTLS: false,
      auth: { user: "mailer@example.org", pass: "p:ss" },
    });
  });

  it("uses TLS from the start for smtps://", () => {
    expect(smtpOptionsFromUrl("smtps://smtp.example.org:465")).toMatchObject({ secure: true, ignoreTLS: false });
  });

  it("speaks plain SMTP to a server on loopback, unless told otherwise", () => {
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525").ignoreTLS).toBe(true);
    expect(smtpOptionsFromUrl("smtp://localhost:1025").ignoreTLS).toBe(true);
    expect(smtpOptionsFromUrl("smtp://[::1]:1025")).toMatchObject({ host: "::1", ignoreTLS: true });
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525?ignoreTLS=false").ignoreTLS).toBe(false);
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:2525?requireTLS=true")).toMatchObject({ requireTLS: true, ignoreTLS: false });
  });

  it("takes TLS options from the query", () => {
    expect(smtpOptionsFromUrl("smtp://relay.internal:25?ignoreTLS=true").ignoreTLS).toBe(true);
    expect(smtpOptionsFromUrl("smtp://relay.internal:25?rejectUnauthorized=false").tls).toEqual({ rejectUnauthorized: false });
    expect(smtpOptionsFromUrl("smtp://relay.internal:25").tls).toBeUndefined();
  });

  it("sets timeouts, so a hanging server fails an attempt instead of blocking the worker", () => {
    const options = smtpOptionsFromUrl("smtp://smtp.example.org");
    expect(options.connectionTimeout).toBeGreaterThan(0);
    expect(options.socketTimeout).toBeLessThan(60_000);
    expect(options.port).toBeUndefined();
  });

  it("refuses other schemes", () => {
    expect(() => smtpOptionsFromUrl("http://smtp.example.org")).toThrow(/smtp/);
  });
});
