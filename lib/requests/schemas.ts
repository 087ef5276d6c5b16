import { z } from "zod";
import type { RequestKind, RequestStatus } from "@/lib/db/generated/enums";

/**
 * The request forms' schemas, shared by the forms (react-hook-form +
 * zodResolver) and the server actions. Messages are keys in the `requests`
 * namespace (messages/<locale>/requests.json).
 */

export const REQUEST_KINDS = [
  "JOINT_PROJECT",
  "TECHNOLOGY_TRANSFER",
  "MARKET_ENTRY",
  "BUSINESS_MISSION",
  "INVESTMENT",
  "SUPPLY_CHAIN",
  "EVENT",
  "OTHER",
] as const satisfies readonly RequestKind[];

export const REQUEST_STATUSES = ["OPEN", "ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED"] as const satisfies readonly RequestStatus[];

export const REQUEST_BOXES = ["inbox", "sent"] as const;
export type RequestBox = (typeof REQUEST_BOXES)[number];

export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 5000;
export const REASON_MAX = 1000;

// PostgreSQL refuses NUL in text: drop it rather than fail with a database error.
const stripNul = (value: string) => value.replaceAll("\u0000", "");

/** A row id (cuid) from a URL or a form: refused before any query when it cannot be one. */
export const ZRequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "requests.errors.invalidId");
const ZSlug = z.string().max(100);

export const ZRequestKind = z.enum(REQUEST_KINDS, { message: "requests.kind.invalid" });
export const ZRequestStatus = z.enum(REQUEST_STATUSES);

export const ZRequestSubject = z
  .string({ message: "requests.subject.tooShort" })
  .transform(stripNul)
  .pipe(z.string().trim().min(SUBJECT_MIN, "requests.subject.tooShort").max(SUBJECT_MAX, "requests.subject.tooLong"));

export const ZRequestMessage = z
  .string({ message: "requests.message.required" })
  .transform(stripNul)
  .pipe(z.string().trim().min(1, "requests.message.required").max(MESSAGE_MAX, "requests.message.tooLong"));

export const ZDeclineReason = z
  .string({ message: "requests.reason.required" })
  .transform(stripNul)
  .pipe(z.string().trim().min(1, "requests.reason.required").max(REASON_MAX, "requests.reason.tooLong"));

export const ZSendRequestSchema = z.object({
  /** The acting (sending) organisation. */
  orgSlug: ZSlug,
  /** The receiver's public slug (the profile the form is on). */
  receiverSlug: ZSlug,
  kind: ZRequestKind,
  subject: ZRequestSubject,
  message: ZRequestMessage,
});
export type TSendRequestSchema = z.input<typeof ZSendRequestSchema>;
export type SendRequestInput = z.output<typeof ZSendRequestSchema>;

export const ZRequestRefSchema = z.object({ orgSlug: ZSlug, requestId: ZRequestId });
export type TRequestRefSchema = z.input<typeof ZRequestRefSchema>;

export const ZReplyRequestSchema = z.object({ orgSlug: ZSlug, requestId: ZRequestId, message: ZRequestMessage });
export type TReplyRequestSchema = z.input<typeof ZReplyRequestSchema>;

export const ZDeclineRequestSchema = z.object({ orgSlug: ZSlug, requestId: ZRequestId, reason: ZDeclineReason });
export type TDeclineRequestSchema = z.input<typeof ZDeclineRequestSchema>;
