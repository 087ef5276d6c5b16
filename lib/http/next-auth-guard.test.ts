import { describe, expect, it } from "vitest";
import { isAcceptableCallbackUrl, refuseMalformedAuthRequest } from "./next-auth-guard";

const base = "http://localhost:3000/api/auth";

describe("refuseMalformedAuthRequest", () => {
  it("lets ordinary next-auth requests through", async () => {
    expect(await refuseMalformedAuthRequest(new Request(`${base}/session`))).toBeNull();
    expect(await refuseMalformedAuthRequest(new Request(`${base}/signin?callbackUrl=%2Fo%2Falpha`))).toBeNull();
    const signIn = new Request(`${base}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.org&password=x&csrfToken=t&callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Forgs&json=true",
    });
    expect(await refuseMalformedAuthRequest(signIn)).toBeNull();
    // The body is still there for next-auth.
    expect(await signIn.text()).toContain("email=");
  });

  it.each([
    ["a callbackUrl query that is no URL", new Request(`${base}/session?callbackUrl=0x10`), 400],
    ["a javascript: callbackUrl", new Request(`${base}/session?callbackUrl=javascript:alert(1)`), 400],
    ["a bad callback-url cookie", new Request(`${base}/session`, { headers: { cookie: "next-auth.callback-url=%%bad" } }), 400],
    ["JSON that is not JSON", new Request(`${base}/callback/credentials`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" }), 400],
    ["a body callbackUrl that is not a string", new Request(`${base}/signout`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"callbackUrl":5}' }), 400],
    ["a GET of the credentials callback", new Request(`${base}/callback/credentials`), 405],
  ])("answers %s with a 4xx in the API error format (next-auth: 500)", async (_name, request, status) => {
    const refused = await refuseMalformedAuthRequest(request);
    expect(refused?.status).toBe(status);
    expect(await refused?.json()).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
  });

  it("follows next-auth's own rule for callback URLs", () => {
    expect(isAcceptableCallbackUrl("/o/alpha")).toBe(true);
    expect(isAcceptableCallbackUrl("https://covalent.example.com/x")).toBe(true);
    expect(isAcceptableCallbackUrl("mailto:a@b.org")).toBe(false);
    expect(isAcceptableCallbackUrl("o/alpha")).toBe(false);
  });
});
