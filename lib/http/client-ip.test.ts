import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeIp, resolveClientIp, UNKNOWN_CLIENT_IP } from "./client-ip";
import { encodePeerStamp, installPeerAddressStamp, PEER_HEADER, readPeerStamp } from "./peer-address";

describe("resolveClientIp", () => {
  const peer = "192.0.2.10";

  it("with no trusted proxy, is the TCP peer whatever X-Forwarded-For says", () => {
    expect(resolveClientIp({ peer, forwardedFor: "6.6.6.6", trustProxyHops: 0 })).toBe(peer);
    expect(resolveClientIp({ peer, forwardedFor: undefined, trustProxyHops: 0 })).toBe(peer);
  });

  it("with no trusted proxy and no known peer, is one shared key, never a header's value", () => {
    expect(resolveClientIp({ peer: undefined, forwardedFor: "6.6.6.6", trustProxyHops: 0 })).toBe(UNKNOWN_CLIENT_IP);
  });

  it("behind one proxy, is the address that proxy appended, not what the client sent before it", () => {
    // nginx `proxy_add_x_forwarded_for`: the client's own header, then the address nginx saw.
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7", trustProxyHops: 1 })).toBe("198.51.100.7");
    // The same without a known peer (tests call handlers directly).
    expect(resolveClientIp({ peer: undefined, forwardedFor: "6.6.6.6, 198.51.100.7", trustProxyHops: 1 })).toBe("198.51.100.7");
  });

  it("behind two proxies, counts two from the right", () => {
    expect(
      resolveClientIp({ peer: "10.0.0.3", forwardedFor: "6.6.6.6, 198.51.100.7, 10.0.0.2", trustProxyHops: 2 }),
    ).toBe("198.51.100.7");
  });

  it("with more trusted proxies than addresses, takes the leftmost", () => {
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "198.51.100.7", trustProxyHops: 5 })).toBe("198.51.100.7");
    expect(resolveClientIp({ peer: "10.0.0.2", forwardedFor: "", trustProxyHops: 1 })).toBe("10.0.0.2");
  });

  it("answers a literal address or 'unknown', never a string the client made up", () => {
    expect(resolveClientIp({ peer: undefined, forwardedFor: "<script>, x".repeat(50), trustProxyHops: 1 })).toBe(UNKNOWN_CLIENT_IP);
    expect(resolveClientIp({ peer: "::ffff:127.0.0.1", forwardedFor: "", trustProxyHops: 0 })).toBe("127.0.0.1");
  });
});

describe("normalizeIp", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["unknown", undefined],
    ["999.1.1.1", undefined],
    ["", undefined],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeIp(raw)).toBe(expected);
  });
});

describe("readPeerStamp", () => {
  it("believes a stamp only with this process's token", () => {
    const value = encodePeerStamp("secret-token", "192.0.2.10", "6.6.6.6, 7.7.7.7");
    expect(readPeerStamp(value, "secret-token")).toEqual({ peer: "192.0.2.10", forwardedFor: "6.6.6.6, 7.7.7.7" });
    expect(readPeerStamp(value, "another-token")).toBeNull();
    expect(readPeerStamp("secret-token", "secret-token")).toBeNull();
    expect(readPeerStamp(undefined, "secret-token")).toBeNull();
    expect(readPeerStamp(encodePeerStamp("t", "", ""), "t")).toEqual({ peer: undefined, forwardedFor: "" });
  });
});

describe("the stamp on a real Node HTTP server", () => {
  let server: http.Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("gives the TCP peer even when the client sends its own X-Forwarded-For and a forged stamp", async () => {
    installPeerAddressStamp();
    const seen: string[] = [];
    server = http.createServer((request, response) => {
      seen.push(clientIpFromHeaders(request.headers as Record<string, string>, { trustProxyHops: 0 }));
      seen.push(clientIpFromHeaders(request.headers as Record<string, string>, { trustProxyHops: 1 }));
      response.end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, {
      headers: { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "guess 6.6.6.7 6.6.6.8" },
    });
    // No proxy trusted: the socket. One proxy trusted: the entry "it" appended (the client here, as no proxy exists).
    expect(seen).toEqual(["127.0.0.1", "6.6.6.6"]);
  });
});
