/**
 * Two (or more) app instances on one database must behave as one: nothing
 * that matters may live only in one process's memory. Checked before the
 * load starts:
 * - a session made on instance 1 is accepted by instance 2 (JWT, one secret);
 * - the API rate limit counts requests to both instances together;
 * - the sign-in limit counts failed attempts on both instances together;
 * - a directory change is seen by the next request on every instance
 *   (the per-process answer cache is keyed by the database's version row).
 * The mail worker running on every instance (FOR UPDATE SKIP LOCKED) is
 * checked by the run itself: every mail delivered exactly once.
 */
import pg from "pg";
import { CookieJar, request, signIn } from "./http";
import type { Check } from "./verify";

const API_LIMIT = 120; // lib/api/rate-limit-config.ts
const SIGN_IN_ACCOUNT_LIMIT = 5; // lib/auth/rate-limit.ts

export async function checkInstancesAgree(options: {
  instances: string[];
  databaseUrl: string;
  user: { email: string; password: string; orgSlug: string; orgId: string };
  spareUser: { email: string; password: string };
  runId: string;
}): Promise<Check[]> {
  const [one, two] = options.instances as [string, string];
  const checks: Check[] = [];

  // Sessions.
  const jar = new CookieJar();
  const signedIn = await signIn(one, jar, options.user, "10.250.0.1");
  const onTwo = await request(`${two}/api/auth/session`, { jar: jar.clone(), ip: "10.250.0.1" });
  const members = await request(`${two}/o/${options.user.orgSlug}/members`, { jar: jar.clone(), ip: "10.250.0.1" });
  checks.push({
    name: "a session from instance 1 works on instance 2",
    expected: "signed in on 1; instance 2 returns the user and the members page",
    found: `sign-in ${signedIn.ok ? "ok" : "failed"}; session ${onTwo.body.includes('"id"') ? "has the user" : onTwo.body.slice(0, 80)}; members page ${members.status}`,
    passed: signedIn.ok && onTwo.status === 200 && onTwo.body.includes('"id"') && members.status === 200,
  });

  // API rate limit: one client address, requests alternating between the instances.
  const ip = `10.251.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  let allowed = 0;
  const refusedOn = new Set<number>();
  for (let i = 0; i < API_LIMIT + 10; i++) {
    const which = i % options.instances.length;
    const answer = await request(`${options.instances[which]}/api/v1/clusters/${options.user.orgSlug}`, { ip });
    if (answer.status === 200) allowed += 1;
    else if (answer.status === 429) refusedOn.add(which);
  }
  checks.push({
    name: "the API rate limit counts both instances together",
    expected: `${API_LIMIT} allowed of ${API_LIMIT + 10}, then 429 on every instance`,
    found: `${allowed} allowed; 429 on instance(s) ${[...refusedOn].map((i) => i + 1).join(", ") || "none"}`,
    passed: allowed === API_LIMIT && refusedOn.size === options.instances.length,
  });

  // Sign-in limit: failed attempts spread over the instances, then the right password is refused.
  const spareIp = "10.252.0.1";
  for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT; i++) {
    await signIn(options.instances[i % options.instances.length]!, new CookieJar(), { email: options.spareUser.email, password: "wrong password" }, spareIp);
  }
  const afterLimit = await Promise.all(
    options.instances.map((base) => signIn(base, new CookieJar(), options.spareUser, spareIp)),
  );
  checks.push({
    name: "the sign-in limit counts failed attempts on both instances together",
    expected: `after ${SIGN_IN_ACCOUNT_LIMIT} failures (spread), the right password is refused (rateLimited) on every instance`,
    found: afterLimit
      .map((r, i) => `instance ${i + 1}: ${r.ok ? "signed in" : (r.reason ?? `refused (HTTP ${r.exchange.status} ${r.exchange.body.slice(0, 120)})`)}`)
      .join("; "),
    passed: afterLimit.every((r) => !r.ok && (r.reason ?? "").startsWith("rateLimited")),
  });

  // Directory cache: warm both caches, change a profile in the database, ask both again.
  const word = `zq${options.runId}cache`;
  const ask = async (base: string) => {
    const answer = await request(`${base}/api/v1/clusters?q=${word}`, { ip: `10.253.0.${Math.floor(Math.random() * 250)}` });
    try {
      return (JSON.parse(answer.body) as { total: number }).total;
    } catch {
      return -1;
    }
  };
  const before = await Promise.all(options.instances.map(ask));
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "ClusterProfile" SET offers = offers || ' ' || $1::text WHERE "organizationId" = $2`, [word, options.user.orgId]);
  } finally {
    await client.end();
  }
  const after = await Promise.all(options.instances.map(ask));
  checks.push({
    name: "a directory change is seen at once by every instance (cache keyed by the database version)",
    expected: "0 matches before on every instance, 1 after on every instance",
    found: `before ${before.join("/")}, after ${after.join("/")}`,
    passed: before.every((n) => n === 0) && after.every((n) => n === 1),
  });
  return checks;
}
