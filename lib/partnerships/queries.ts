import "server-only";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors/domain-error";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { requireMembership } from "@/lib/orgs/membership";
import { PARTNER_SORTS, ZPartnershipId, isTieStrength, nextTie, type PartnerSort, type TieStrength } from "./schemas";

type Actor = { id: string; email: string };
type ReadCtx = { actor: Actor };

/** At most this many partners are drawn in the network picture; the table lists them all. */
export const PICTURE_LIMIT = 48;

/**
 * The acting organisation's partnerships, each with the partner (the other
 * side of the pair, whichever of A and B it is stored as). Two halves on the
 * two indexes of Partnership (A first through the unique pair, B through its
 * own index), so that an organisation with many partners stays fast.
 */
function partnersOf(organizationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, p.tie::text AS tie, p."isActive", p."endedAt", p."createdAt", p."lastActivityAt",
           p."proposedTie"::text AS "proposedTie", p."proposedByOrgId",
           o.id AS "partnerId", o.name AS "partnerName", o.slug AS "partnerSlug", o.country AS "partnerCountry"
    FROM "Partnership" p JOIN "Organization" o ON o.id = p."organizationBId"
    WHERE p."organizationAId" = ${organizationId}
    UNION ALL
    SELECT p.id, p.tie::text, p."isActive", p."endedAt", p."createdAt", p."lastActivityAt",
           p."proposedTie"::text, p."proposedByOrgId",
           o.id, o.name, o.slug, o.country
    FROM "Partnership" p JOIN "Organization" o ON o.id = p."organizationAId"
    WHERE p."organizationBId" = ${organizationId}`;
}

type PartnerRow = {
  id: string;
  tie: string;
  isActive: boolean;
  endedAt: Date | null;
  createdAt: Date;
  lastActivityAt: Date;
  proposedTie: string | null;
  proposedByOrgId: string | null;
  partnerId: string;
  partnerName: string;
  partnerSlug: string;
  partnerCountry: string;
};

const ORDER_BY: Record<PartnerSort, { asc: Prisma.Sql; desc: Prisma.Sql }> = {
  partner: { asc: Prisma.sql`lower(m."partnerName") ASC`, desc: Prisma.sql`lower(m."partnerName") DESC` },
  country: { asc: Prisma.sql`m."partnerCountry" ASC`, desc: Prisma.sql`m."partnerCountry" DESC` },
  // The enum's order: weak, durable, covalent.
  tie: { asc: Prisma.sql`m.tie::"TieStrength" ASC`, desc: Prisma.sql`m.tie::"TieStrength" DESC` },
  since: { asc: Prisma.sql`m."createdAt" ASC`, desc: Prisma.sql`m."createdAt" DESC` },
  lastActivity: { asc: Prisma.sql`m."lastActivityAt" ASC`, desc: Prisma.sql`m."lastActivityAt" DESC` },
};

export type PartnerListItem = {
  id: string;
  partner: { id: string; name: string; slug: string; country: string; countryName: string };
  tie: TieStrength;
  since: Date;
  lastActivityAt: Date;
  isActive: boolean;
  endedAt: Date | null;
  /** A raise proposal is waiting: made by us (for them to answer) or by them (for us). */
  proposal: { tie: TieStrength; isByUs: boolean } | null;
};

function toTie(value: string): TieStrength {
  return isTieStrength(value) ? value : "WEAK";
}

function toListItem(row: PartnerRow, organizationId: string, locale: Locale): PartnerListItem {
  return {
    id: row.id,
    partner: {
      id: row.partnerId,
      name: row.partnerName,
      slug: row.partnerSlug,
      country: row.partnerCountry,
      countryName: countryName(row.partnerCountry, locale),
    },
    tie: toTie(row.tie),
    since: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    isActive: row.isActive,
    endedAt: row.endedAt,
    proposal:
      row.proposedTie && isTieStrength(row.proposedTie)
        ? { tie: row.proposedTie, isByUs: row.proposedByOrgId === organizationId }
        : null,
  };
}

/**
 * One page of the acting organisation's partners. Filters: tie, the
 * partner's country, and whether ended partnerships are included (they are
 * not by default).
 */
export async function listPartners(
  input: {
    orgSlug: string;
    page?: number;
    perPage?: number;
    sort?: { id: PartnerSort; desc: boolean } | null;
    tie?: TieStrength | null;
    country?: string | null;
    includeEnded?: boolean;
    locale?: Locale;
  },
  ctx: ReadCtx,
) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const organizationId = membership.organization.id;
  const page = Math.min(100_000, Math.max(1, Math.floor(input.page ?? 1) || 1));
  const perPage = Math.min(100, Math.max(1, Math.floor(input.perPage ?? 20) || 20));
  const sortId: PartnerSort = input.sort && PARTNER_SORTS.includes(input.sort.id) ? input.sort.id : "lastActivity";
  const direction = input.sort ? (input.sort.desc ? "desc" : "asc") : "desc";
  const tie = input.tie && isTieStrength(input.tie) ? input.tie : null;
  const country = typeof input.country === "string" && /^[A-Z]{2}$/.test(input.country) ? input.country : null;

  const conditions: Prisma.Sql[] = [];
  if (!input.includeEnded) conditions.push(Prisma.sql`m."isActive"`);
  if (tie) conditions.push(Prisma.sql`m.tie = ${tie}`);
  if (country) conditions.push(Prisma.sql`m."partnerCountry" = ${country}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const db = getDb();
  const [rows, counted] = await db.$transaction([
    db.$queryRaw<PartnerRow[]>`
      SELECT * FROM (${partnersOf(organizationId)}) m ${where}
      ORDER BY ${ORDER_BY[sortId][direction]}, m.id ASC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM (${partnersOf(organizationId)}) m ${where}`,
  ]);
  const total = counted[0]?.total ?? 0;
  const locale = input.locale ?? "en";
  return {
    membership,
    data: rows.map((row) => toListItem(row, organizationId, locale)),
    total,
    page,
    perPage,
    totalPages: Math.max(1, Math.ceil(total / perPage)),
  };
}

export type NetworkSummary = {
  organization: { id: string; name: string; slug: string; country: string; countryName: string };
  /** Active partnerships. */
  total: number;
  ended: number;
  byTie: Record<TieStrength, number>;
  /** Active partners per country, most first. */
  byCountry: { country: string; countryName: string; total: number; byTie: Record<TieStrength, number> }[];
  /** The partners drawn in the picture: the strongest ties first, then the most recently active. */
  picture: { id: string; name: string; country: string; countryName: string; tie: TieStrength }[];
};

/** The network at a glance: active partners by tie and by country, and who is drawn in the picture. */
export async function getNetworkSummary(input: { orgSlug: string; locale?: Locale }, ctx: ReadCtx): Promise<NetworkSummary> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const organizationId = membership.organization.id;
  const locale = input.locale ?? "en";
  const db = getDb();
  const [groups, endedRows, pictureRows] = await db.$transaction([
    db.$queryRaw<{ country: string; tie: string; count: number }[]>`
      SELECT m."partnerCountry" AS country, m.tie, COUNT(*)::int AS count
      FROM (${partnersOf(organizationId)}) m WHERE m."isActive"
      GROUP BY m."partnerCountry", m.tie`,
    db.$queryRaw<{ count: number }[]>`
      SELECT COUNT(*)::int AS count FROM (${partnersOf(organizationId)}) m WHERE NOT m."isActive"`,
    db.$queryRaw<PartnerRow[]>`
      SELECT * FROM (${partnersOf(organizationId)}) m WHERE m."isActive"
      ORDER BY m.tie::"TieStrength" DESC, m."lastActivityAt" DESC, m.id ASC
      LIMIT ${PICTURE_LIMIT}`,
  ]);

  const zero = (): Record<TieStrength, number> => ({ WEAK: 0, DURABLE: 0, COVALENT: 0 });
  const byTie = zero();
  const countries = new Map<string, Record<TieStrength, number>>();
  for (const group of groups) {
    const tie = toTie(group.tie);
    byTie[tie] += group.count;
    const counts = countries.get(group.country) ?? zero();
    counts[tie] += group.count;
    countries.set(group.country, counts);
  }
  const collator = new Intl.Collator(locale);
  const byCountry = [...countries.entries()]
    .map(([country, counts]) => ({
      country,
      countryName: countryName(country, locale),
      total: counts.WEAK + counts.DURABLE + counts.COVALENT,
      byTie: counts,
    }))
    .sort((a, b) => b.total - a.total || collator.compare(a.countryName, b.countryName));

  const { organization } = membership;
  return {
    organization: { ...organization, countryName: countryName(organization.country, locale) },
    total: byTie.WEAK + byTie.DURABLE + byTie.COVALENT,
    ended: endedRows[0]?.count ?? 0,
    byTie,
    byCountry,
    picture: pictureRows.map((row) => ({
      id: row.id,
      name: row.partnerName,
      country: row.partnerCountry,
      countryName: countryName(row.partnerCountry, locale),
      tie: toTie(row.tie),
    })),
  };
}

/**
 * One partnership as the acting organisation sees it. It is found only when
 * the acting organisation is one of its two sides: the condition is in the
 * query, so a third organisation's member gets NotFoundError, the same as for
 * an id that does not exist. Both sides see the same history.
 */
export async function getPartnership(input: { orgSlug: string; partnershipId: string; locale?: Locale }, ctx: ReadCtx) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const organizationId = membership.organization.id;
  if (!ZPartnershipId.safeParse(input.partnershipId).success) throw new NotFoundError();
  const locale = input.locale ?? "en";
  const org = { select: { id: true, name: true, slug: true, country: true } } as const;
  const row = await getDb().partnership.findFirst({
    where: { id: input.partnershipId, OR: [{ organizationAId: organizationId }, { organizationBId: organizationId }] },
    include: {
      organizationA: org,
      organizationB: org,
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          organizationId: true,
          actorName: true,
          tie: true,
          description: true,
          requestId: true,
          createdAt: true,
        },
      },
      requests: {
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: { id: true, subject: true, kind: true, status: true, senderId: true, receiverId: true, createdAt: true },
      },
    },
  });
  if (!row) throw new NotFoundError();

  const isA = row.organizationAId === organizationId;
  const us = isA ? row.organizationA : row.organizationB;
  const partner = isA ? row.organizationB : row.organizationA;
  const names = new Map([
    [us.id, us.name],
    [partner.id, partner.name],
  ]);
  const pairIds = new Set([us.id, partner.id]);
  const mayAct = can(membership.role, "requests:send");
  const proposal =
    row.proposedTie && row.proposedByOrgId
      ? {
          tie: row.proposedTie,
          description: row.proposedDescription,
          proposedAt: row.proposedAt,
          isByUs: row.proposedByOrgId === organizationId,
        }
      : null;

  return {
    membership,
    partnership: {
      id: row.id,
      tie: row.tie,
      description: row.description,
      isActive: row.isActive,
      since: row.createdAt,
      endedAt: row.endedAt,
      endedBy: row.endedByOrgId ? (row.endedByOrgId === organizationId ? ("us" as const) : ("partner" as const)) : null,
      lastActivityAt: row.lastActivityAt,
    },
    us: { ...us, countryName: countryName(us.country, locale) },
    partner: { ...partner, countryName: countryName(partner.country, locale) },
    proposal,
    events: row.events.map((event) => ({
      id: event.id,
      kind: event.kind,
      side: event.organizationId === null ? null : event.organizationId === organizationId ? ("us" as const) : ("partner" as const),
      orgName: event.organizationId ? (names.get(event.organizationId) ?? null) : null,
      actorName: event.actorName,
      tie: event.tie,
      description: event.description,
      // A request of this pair only (both sides may see it).
      requestId: event.requestId,
      createdAt: event.createdAt,
    })),
    requests: row.requests
      .filter((r) => pairIds.has(r.senderId) && pairIds.has(r.receiverId))
      .map((r) => ({
        id: r.id,
        subject: r.subject,
        kind: r.kind,
        status: r.status,
        direction: r.senderId === organizationId ? ("sent" as const) : ("received" as const),
        createdAt: r.createdAt,
      })),
    actions: {
      /** The tie this side may propose next, or null. */
      raiseTo: mayAct && row.isActive && !proposal ? nextTie(row.tie) : null,
      canConfirm: mayAct && row.isActive && !!proposal && !proposal.isByUs,
      canDecline: mayAct && row.isActive && !!proposal && !proposal.isByUs,
      canWithdraw: mayAct && row.isActive && !!proposal && proposal.isByUs,
      canEnd: mayAct && row.isActive,
    },
  };
}

export type PartnershipView = Awaited<ReturnType<typeof getPartnership>>;
