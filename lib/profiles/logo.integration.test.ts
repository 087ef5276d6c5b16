/**
 * Logo upload against a real PostgreSQL and the real image library: what is
 * accepted is re-encoded to a 256×256 WebP and served by the storage; what
 * is refused leaves nothing behind.
 */
import { beforeEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { GET } from "@/app/api/files/[...key]/route";
import { ForbiddenError } from "@/lib/errors/domain-error";
import { getFileStorage } from "@/lib/storage/file-storage";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { sniffImageType, uploadLogo } from "./logo";
import { MAX_LOGO_BYTES } from "./logo-rules";

const db = testDb();
let seq = 0;

async function setup(role: "OWNER" | "EDITOR" | "MEMBER" = "EDITOR") {
  seq += 1;
  const user = await db.user.create({ data: { email: `logo-${seq}@example.org`, name: "Logo Editor", passwordHash: "x" } });
  const org = await db.organization.create({
    data: { slug: `logo-cluster-${seq}`, name: "Logo Cluster", country: "SE", memberships: { create: { userId: user.id, role } } },
  });
  return { org, ctx: { actor: { id: user.id, email: user.email }, ip: "203.0.113.1" } };
}

const image = (format: "png" | "jpeg" | "webp", width = 800, height = 400) =>
  sharp({ create: { width, height, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } })
    .toFormat(format)
    .toBuffer();

async function fetchFile(key: string) {
  return GET(new Request(`http://localhost/api/files/${key}`), { params: Promise.resolve({ key: key.split("/") }) });
}

async function nothingStored(orgId: string) {
  expect(await db.storedFile.count()).toBe(0);
  const profile = await db.clusterProfile.findUnique({ where: { organizationId: orgId } });
  expect(profile?.logoKey ?? null).toBeNull();
  expect(await db.auditEvent.count({ where: { organizationId: orgId, action: "profile.logo_changed" } })).toBe(0);
}

beforeEach(async () => {
  await resetDatabase();
});

describe("uploadLogo", () => {
  it.each(["png", "jpeg", "webp"] as const)("stores a %s as a 256×256 WebP that the files route serves", async (format) => {
    const { org, ctx } = await setup();
    const { logoKey } = await uploadLogo({ orgSlug: org.slug, bytes: new Uint8Array(await image(format)) }, ctx);

    expect(logoKey).toMatch(/^logos\/[a-z0-9]+-[0-9a-f]{32}\.webp$/);
    expect((await db.clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).logoKey).toBe(logoKey);
    const stored = await getFileStorage().get(logoKey);
    expect(stored?.contentType).toBe("image/webp");
    const meta = await sharp(stored!.bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });

    const response = await fetchFile(logoKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(stored!.bytes)).toBe(true);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "profile.logo_changed" } })).toBe(1);
  });

  it.each([
    ["a text file named .png", Buffer.from("This is not an image, whatever its name says.\n".repeat(20)), "profiles.logo.wrongType"],
    [
      "an SVG",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'),
      "profiles.logo.wrongType",
    ],
    ["an HTML page", Buffer.from("<!doctype html><script>alert(1)</script>"), "profiles.logo.wrongType"],
    ["a 3 MB buffer", Buffer.alloc(3 * 1024 * 1024, 0x89), "profiles.logo.tooLarge"],
    ["an empty file", Buffer.alloc(0), "profiles.logo.empty"],
    [
      "a PNG header followed by garbage",
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("garbage".repeat(100))]),
      "profiles.logo.unreadable",
    ],
  ])("refuses %s and stores nothing", async (_name, bytes, messageKey) => {
    const { org, ctx } = await setup();
    await expect(uploadLogo({ orgSlug: org.slug, bytes: new Uint8Array(bytes) }, ctx)).rejects.toMatchObject({ messageKey, field: "logo" });
    await nothingStored(org.id);
  });

  it("refuses a truncated JPEG as unreadable", async () => {
    const { org, ctx } = await setup();
    const jpeg = await image("jpeg");
    await expect(uploadLogo({ orgSlug: org.slug, bytes: new Uint8Array(jpeg.subarray(0, 40)) }, ctx)).rejects.toMatchObject({
      messageKey: "profiles.logo.unreadable",
    });
    await nothingStored(org.id);
  });

  it("accepts exactly 2 MB and refuses one byte more", async () => {
    const { org, ctx } = await setup();
    const justOver = new Uint8Array(MAX_LOGO_BYTES + 1);
    await expect(uploadLogo({ orgSlug: org.slug, bytes: justOver }, ctx)).rejects.toMatchObject({ messageKey: "profiles.logo.tooLarge" });
    // A real PNG padded to the limit is still within it (the check is on size, then on content).
    const png = await image("png", 64, 64);
    const padded = Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES - png.length)]);
    await expect(uploadLogo({ orgSlug: org.slug, bytes: new Uint8Array(padded) }, ctx)).resolves.toMatchObject({ logoKey: expect.any(String) });
  });

  it("is refused to a MEMBER", async () => {
    const { org, ctx } = await setup("MEMBER");
    await expect(uploadLogo({ orgSlug: org.slug, bytes: new Uint8Array(await image("png")) }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await nothingStored(org.id);
  });
});

describe("the files route", () => {
  it("answers 404 for an unknown key and for keys that try to leave the store", async () => {
    expect((await fetchFile("logos/nothing-here.webp")).status).toBe(404);
    expect((await GET(new Request("http://localhost/api/files/x"), { params: Promise.resolve({ key: ["..", "..", "etc", "passwd"] }) })).status).toBe(404);
    expect((await GET(new Request("http://localhost/api/files/x"), { params: Promise.resolve({ key: ["logos", "a.svg"] }) })).status).toBe(404);
  });
});

describe("sniffImageType", () => {
  it("reads the type from the bytes", async () => {
    expect(sniffImageType(await image("png", 8, 8))).toBe("png");
    expect(sniffImageType(await image("jpeg", 8, 8))).toBe("jpeg");
    expect(sniffImageType(await image("webp", 8, 8))).toBe("webp");
    expect(sniffImageType(Buffer.from("GIF89a"))).toBeNull();
    expect(sniffImageType(Buffer.from("<svg/>"))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});
