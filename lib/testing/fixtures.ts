/**
 * Integration-test fixtures shared by the domain tests: users with the
 * context object domain functions take, organisations with a membership, and
 * organisations with an approved (public) profile. Everything is written
 * straight to the test database; nothing here is mocked.
 */
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { testDb } from "./db";

export const TEST_IP = "203.0.113.9";

function suffix(): string {
  return randomBytes(4).toString("hex");
}

export async function makeUser(options: { name?: string; email?: string; locale?: "en" | "ru" } = {}) {
  const s = suffix();
  const user = await testDb().user.create({
    data: {
      email: options.email ?? `user-${s}@example.org`,
      name: options.name ?? `User ${s}`,
      locale: options.locale ?? "en",
      passwordHash: "x",
      emailVerifiedAt: new Date(),
    },
  });
  return { ...user, ctx: { actor: { id: user.id, email: user.email }, ip: TEST_IP } };
}
export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export async function makeOrg(owner: { id: string }, options: { slug?: string; name?: string; country?: string } = {}) {
  const s = suffix();
  return testDb().organization.create({
    data: {
      slug: options.slug ?? `cluster-${s}`,
      name: options.name ?? `Cluster ${s}`,
      country: options.country ?? "DK",
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
}

/** An organisation whose profile is approved: public, and able to send and receive requests. */
export async function makeApprovedOrg(
  owner: { id: string },
  options: { slug?: string; name?: string; country?: string; profile?: Partial<Prisma.ClusterProfileUncheckedCreateInput> } = {},
) {
  const org = await makeOrg(owner, options);
  await testDb().clusterProfile.create({
    data: {
      descriptionEn: `${org.name} brings companies and researchers together.`,
      ecosystems: ["health"],
      ...options.profile,
      organizationId: org.id,
      status: "APPROVED",
      publishedAt: new Date(),
    },
  });
  return org;
}

export async function join(org: { id: string }, user: { id: string }, role: Role) {
  await testDb().membership.create({ data: { organizationId: org.id, userId: user.id, role } });
}
