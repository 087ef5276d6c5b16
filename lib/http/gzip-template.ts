/**
 * Gzip for a text that is the same in every response but for one short value
 * that changes each time (the CSP nonce in a cached page,
 * lib/http/page-cache.ts): the text around the value is compressed once, and
 * each response only frames the new value, so serving it costs a CRC over
 * the bytes instead of a compression.
 *
 * How (RFC 1951, RFC 1952): the text is cut at every occurrence of the value.
 * Each piece is compressed as its own raw-deflate stream ended by a full
 * flush instead of a final block, so it is byte-aligned and refers to nothing
 * before it; streams like that may be concatenated. Between the pieces goes
 * the value as a "stored" (uncompressed) block, at the end an empty final
 * block, and around it all the gzip header and the trailer (CRC-32 and length
 * of the whole text). Costs a little compression (each piece starts with an
 * empty dictionary) and gains that nothing is compressed per response.
 */
import zlib from "node:zlib";

/** 10 bytes: magic, deflate, no flags, no modification time, no extra flags, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);
/** An empty stored block with BFINAL set: the end of the deflate stream. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
/** A stored block holds at most 65,535 bytes; the holes are a few dozen. */
const MAX_STORED = 0xffff;

export type TextTemplate = {
  /** The pieces of the text between the holes, as UTF-8 (one more than the holes). */
  pieces: Buffer[];
  /** The same pieces, each compressed as a byte-aligned raw-deflate stream without a final block. */
  deflated: Buffer[];
};

/** Cuts `text` at every occurrence of `hole` and compresses the pieces once. */
export function compileTemplate(text: string, hole: string): TextTemplate {
  if (!hole) throw new Error("compileTemplate: empty hole");
  const pieces = text.split(hole).map((piece) => Buffer.from(piece, "utf8"));
  const deflated = pieces.map((piece) =>
    piece.length === 0 ? Buffer.alloc(0) : zlib.deflateRawSync(piece, { finishFlush: zlib.constants.Z_FULL_FLUSH }),
  );
  return { pieces, deflated };
}

/** The text with `value` in every hole, uncompressed. */
export function fillTemplate(template: TextTemplate, value: string): Uint8Array<ArrayBuffer> {
  const filler = Buffer.from(value, "utf8");
  return asBody(Buffer.concat(interleave(template.pieces, filler)));
}

/** The text with `value` in every hole, as a complete gzip member. */
export function fillTemplateGzip(template: TextTemplate, value: string): Uint8Array<ArrayBuffer> {
  const filler = Buffer.from(value, "utf8");
  if (filler.length > MAX_STORED) throw new Error("fillTemplateGzip: value too long for a stored block");
  const storedHeader = Buffer.alloc(5);
  storedHeader[0] = 0x00; // BFINAL 0, BTYPE 00 (stored); the rest of the byte is padding
  storedHeader.writeUInt16LE(filler.length, 1);
  storedHeader.writeUInt16LE(~filler.length & 0xffff, 3);
  const stored = Buffer.concat([storedHeader, filler]);

  let crc = 0;
  let length = 0;
  template.pieces.forEach((piece, index) => {
    if (index > 0) {
      crc = zlib.crc32(filler, crc);
      length += filler.length;
    }
    crc = zlib.crc32(piece, crc);
    length += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);

  return asBody(Buffer.concat([GZIP_HEADER, ...interleave(template.deflated, stored), FINAL_EMPTY_BLOCK, trailer]));
}

/** The same bytes, typed as a response body (Buffer.concat always allocates a plain ArrayBuffer; no copy). */
function asBody(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);
}

function interleave(parts: Buffer[], between: Buffer): Buffer[] {
  const out: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(between);
    out.push(part);
  });
  return out;
}

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110: "gzip" or
 * "x-gzip" or "*" without q=0).
 */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(",", 32)) {
    const [rawName, ...params] = part.split(";");
    const name = rawName?.trim().toLowerCase();
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    const rejected = q !== undefined && Number(q.slice(2)) === 0;
    if (name === "gzip" || name === "x-gzip") return !rejected;
    if (name === "*") wildcard = !rejected;
  }
  return wildcard;
}
