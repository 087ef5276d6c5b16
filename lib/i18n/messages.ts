/**
 * The message catalogues. Each language is a folder of JSON files, merged
 * here into one object of namespaces:
 * - PascalCase namespaces (Home, SignIn, Members, …) hold page and component texts;
 * - lower-case namespaces (errors, auth, orgs, email, …) hold texts the
 *   domain layer refers to by key: DomainError messages, zod validation
 *   messages, e-mails.
 * One file per area (ui: the shell; domain: shared errors and e-mails;
 * accounts; orgs; admin; profiles; review; directory; requests;
 * partnerships; notifications; recommendations). A namespace lives in exactly one file, and every
 * language has the same files and keys (messages.test.ts).
 */
import enAccounts from "@/messages/en/accounts.json";
import enAdmin from "@/messages/en/admin.json";
import enDirectory from "@/messages/en/directory.json";
import enDomain from "@/messages/en/domain.json";
import enOrgs from "@/messages/en/orgs.json";
import enProfiles from "@/messages/en/profiles.json";
import enReview from "@/messages/en/review.json";
import enUi from "@/messages/en/ui.json";
import enRequests from "@/messages/en/requests.json";
import enPartnerships from "@/messages/en/partnerships.json";
import enNotifications from "@/messages/en/notifications.json";
import enRecommendations from "@/messages/en/recommendations.json";
import ruAccounts from "@/messages/ru/accounts.json";
import ruAdmin from "@/messages/ru/admin.json";
import ruDirectory from "@/messages/ru/directory.json";
import ruDomain from "@/messages/ru/domain.json";
import ruOrgs from "@/messages/ru/orgs.json";
import ruProfiles from "@/messages/ru/profiles.json";
import ruReview from "@/messages/ru/review.json";
import ruUi from "@/messages/ru/ui.json";
import ruRequests from "@/messages/ru/requests.json";
import ruPartnerships from "@/messages/ru/partnerships.json";
import ruNotifications from "@/messages/ru/notifications.json";
import ruRecommendations from "@/messages/ru/recommendations.json";
import type { Locale } from "./locale";

export const CATALOGUES = {
  en: { ui: enUi, domain: enDomain, accounts: enAccounts, orgs: enOrgs, admin: enAdmin, profiles: enProfiles, review: enReview, directory: enDirectory, requests: enRequests, partnerships: enPartnerships, notifications: enNotifications, recommendations: enRecommendations },
  ru: { ui: ruUi, domain: ruDomain, accounts: ruAccounts, orgs: ruOrgs, admin: ruAdmin, profiles: ruProfiles, review: ruReview, directory: ruDirectory, requests: ruRequests, partnerships: ruPartnerships, notifications: ruNotifications, recommendations: ruRecommendations },
} as const;

export type Messages = typeof enUi & typeof enDomain & typeof enAccounts & typeof enOrgs & typeof enAdmin & typeof enProfiles & typeof enReview & typeof enDirectory & typeof enRequests & typeof enPartnerships & typeof enNotifications & typeof enRecommendations;

const merged = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  let messages = merged.get(locale);
  if (!messages) {
    messages = Object.assign({}, ...Object.values(CATALOGUES[locale])) as Messages;
    merged.set(locale, messages);
  }
  return messages;
}
