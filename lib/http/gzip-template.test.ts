import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, compileTemplate, fillTemplate, fillTemplateGzip } from "./gzip-template";

const NONCE = "gFGNV6OTXQUvRrg9AJYlWA==";

function page(nonce: string): string {
  // Like a rendered page: the nonce at the start, in the middle, twice in a row, at the end, around Cyrillic text.
  const filler = "<p>Кластер «Медикон Вэлли» — hydrogen, robotics & AI</p>".repeat(400);
  return `${nonce}<script nonce="${nonce}">self.__next_f.push([1,"x"])</script>${filler}<script nonce="${nonce}"></script>${nonce}${nonce}${filler}<b>${nonce}`;
}

describe("gzip template", () => {
  it("gunzips to the text with the new value in every hole", () => {
    const template = compileTemplate(page(NONCE), NONCE);
    const next = "+Q6rgF0mO3vIuobHR7bRog==";
    const gz = fillTemplateGzip(template, next);
    expect(zlib.gunzipSync(gz).toString("utf8")).toBe(page(next));
    expect(Buffer.from(fillTemplate(template, next)).toString("utf8")).toBe(page(next));
  });

  it("is a single well-formed gzip member: the CRC and length in the trailer are checked by gunzip", () => {
    const template = compileTemplate(page(NONCE), NONCE);
    const gz = Buffer.from(fillTemplateGzip(template, "other"));
    // A wrong CRC must be detected, so the check above is a real one.
    const broken = Buffer.from(gz);
    broken.writeUInt8(broken.readUInt8(broken.length - 8) ^ 0xff, broken.length - 8);
    expect(() => zlib.gunzipSync(broken)).toThrow();
    expect(gz.length).toBeLessThan(Buffer.byteLength(page("other")) / 5);
  });

  it("handles a text without the value, and a value of another length", () => {
    const template = compileTemplate("no holes here", NONCE);
    expect(zlib.gunzipSync(fillTemplateGzip(template, "x")).toString()).toBe("no holes here");
    const holes = compileTemplate(`a${NONCE}b`, NONCE);
    expect(zlib.gunzipSync(fillTemplateGzip(holes, "")).toString()).toBe("ab");
    expect(zlib.gunzipSync(fillTemplateGzip(holes, "ё".repeat(100))).toString()).toBe(`a${"ё".repeat(100)}b`);
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["*", true],
    ["identity", false],
    ["br", false],
    ["gzip;q=0", false],
    ["*;q=0", false],
    ["", false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it("no header: plain bytes", () => {
    expect(acceptsGzip(null)).toBe(false);
  });
});
