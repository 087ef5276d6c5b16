/**
 * End-to-end fixtures: create users and organisations directly in the e2e
 * database (the one scripts/e2e-server.ts prepared), then sign in through the
 * real sign-in page like a person.
 */
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createDbClient } from "../lib/db/create-client";
import type { PrismaClient } from "../lib/db/generated/client";
import type { Role } from "../lib/auth/permissions";
import en from "../messages/en/accounts.json" with { type: "json" };

// Written by scripts/e2e-server.ts for the port this run serves on.
export const E2E_DATABASE_URL_FILE = `.data/e2e-${process.env.E2E_PORT ?? 3100}/database-url`;
export const DEFAULT_PASSWORD = "correct horse battery staple";

let db: PrismaClient | undefined;

/** The e2e server's database. */
export function e2eDb(): PrismaClient {
  if (!db) {
    const url = fs.readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim();
    db = createDbClient(url, { max: 2 });
  }
  return db;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export async function createUser(options: {
  email?: string;
  name?: string;
  password?: string;
  verified?: boolean;
  locale?: "en" | "ru";
  isPlatformAdmin?: boolean;
} = {}) {
  const email = options.email ?? `user-${uniqueSuffix()}@example.org`;
  const password = options.password ?? DEFAULT_PASSWORD;
  const user = await e2eDb().user.create({
    data: {
      email,
      name: options.name ?? "Test User",
      passwordHash: await hashPassword(password),
      emailVerifiedAt: options.verified === false ? null : new Date(),
      locale: options.locale ?? "en",
      isPlatformAdmin: options.isPlatformAdmin ?? false,
    },
  });
  return { ...user, password };
}

export async function createOrganization(options: { owner: { id: string }; name?: string; country?: string }) {
  const suffix = uniqueSuffix();
  const name = options.name ?? `Cluster ${suffix}`;
  return e2eDb().organization.create({
    data: {
      name,
      slug: `cluster-${suffix}`,
      country: options.country ?? "DK",
      memberships: { create: { userId: options.owner.id, role: "OWNER" } },
    },
  });
}

export async function addMember(options: { organizationId: string; userId: string; role: Role }) {
  return e2eDb().membership.create({ data: options });
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel(en.SignIn.email).fill(user.email);
  // By role and accessible name: the label's text also holds the "required" asterisk.
  await page.getByRole("textbox", { name: en.SignIn.password, exact: true }).fill(user.password);
  await page.getByRole("button", { name: en.SignIn.submit }).click();
  // Password hashing is deliberately slow (argon2id): allow for a busy machine.
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 20_000 });
}

/** The newest e-mail to an address, from the outbox (what /dev/mailbox shows). */
export async function latestEmailTo(email: string) {
  return e2eDb().outboxEmail.findFirst({ where: { toEmail: email }, orderBy: { createdAt: "desc" } });
}

/** The first link in a text, e.g. the link in an e-mail's plain-text part. */
export function firstLink(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[0];
}

/** An organisation with an approved (public) profile: it can send and receive cooperation requests. */
export async function createApprovedOrganization(options: { owner: { id: string }; name?: string; country?: string; descriptionEn?: string }) {
  const org = await createOrganization(options);
  await e2eDb().clusterProfile.create({
    data: {
      organizationId: org.id,
      status: "APPROVED",
      publishedAt: new Date(),
      descriptionEn: options.descriptionEn ?? `${org.name} brings companies and researchers together.`,
      ecosystems: ["health"],
    },
  });
  return org;
}

/**
 * Opens a page and waits until its scripts have loaded and run: a form filled
 * before React hydrates it can lose the typed text or submit without its
 * client-side checks (seen on a busy CI machine).
 */
export async function gotoHydrated(page: Page, url: string) {
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  return response;
}
