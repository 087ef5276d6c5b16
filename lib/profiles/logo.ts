import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError } from "@/lib/errors/domain-error";
import { requireMembership } from "@/lib/orgs/membership";
import { getFileStorage } from "@/lib/storage/file-storage";
import { LOGO_SIZE, MAX_LOGO_BYTES } from "./logo-rules";
import { ensureProfile } from "./profiles";

export { LOGO_SIZE, MAX_LOGO_BYTES };

/**
 * The image type from the file's first bytes; the name and the browser's
 * claimed type are not trusted. SVG (which can carry scripts) is not accepted.
 */
export function sniffImageType(bytes: Uint8Array): "png" | "jpeg" | "webp" | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    b.length >= 12 &&
    String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === "RIFF" &&
    String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!) === "WEBP"
  ) return "webp";
  return null;
}

/**
 * Checks, re-encodes and stores a logo: at most 2 MB, PNG, JPEG or WebP by
 * its bytes; re-encoded to a 256×256 WebP on the server (which also drops
 * metadata and anything hidden in the original file).
 */
export async function uploadLogo(
  input: { orgSlug: string; bytes: Uint8Array },
  ctx: { actor: { id: string; email: string }; ip: string },
): Promise<{ logoKey: string }> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "profile:edit" });
  if (input.bytes.length === 0) throw new DomainError("profiles.logo.empty", {}, "logo");
  if (input.bytes.length > MAX_LOGO_BYTES) throw new DomainError("profiles.logo.tooLarge", {}, "logo");
  if (!sniffImageType(input.bytes)) throw new DomainError("profiles.logo.wrongType", {}, "logo");

  let webp: Buffer;
  try {
    webp = await sharp(input.bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(LOGO_SIZE, LOGO_SIZE, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: 0 } })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw new DomainError("profiles.logo.unreadable", {}, "logo");
  }

  const hash = createHash("sha256").update(webp).digest("hex").slice(0, 32);
  const logoKey = `logos/${membership.organization.id.toLowerCase()}-${hash}.webp`;
  await getFileStorage().put(logoKey, { contentType: "image/webp", bytes: webp });
  const db = getDb();
  await db.$transaction(async (tx) => {
    await ensureProfile(tx, membership.organization.id);
    await tx.clusterProfile.update({ where: { organizationId: membership.organization.id }, data: { logoKey } });
    await recordAuditEvent(tx, {
      organizationId: membership.organization.id,
      actor: ctx.actor,
      action: "profile.logo_changed",
      target: { type: "organization", id: membership.organization.id, label: membership.organization.name },
      ip: ctx.ip,
    });
  });
  return { logoKey };
}
