/**
 * One simulated user: signed in as the owner of an approved organisation,
 * it keeps choosing an action from the mix (directory searches as page and
 * API, public profiles, a fresh sign-in now and then, cooperation requests
 * sent, replied to and accepted, colleagues invited) and records every
 * exchange. Writes the server acknowledged are kept in the ledger, which the
 * database is checked against at the end.
 */
import { randomBytes } from "node:crypto";
import { callAction, CookieJar, request, signIn, type ActionOutcome, type Exchange } from "./http";
import type { LoadUser } from "./environment";
import { findLeak, type Recorder } from "./stats";
import { REQUEST_KINDS } from "../../lib/requests/schemas";

/** Requests one organisation may send in 24 hours (lib/requests/rules.ts): a simulated user stays under it. */
const SEND_BUDGET = 20;

const SEARCH_TERMS = [
  "digital", "health", "automotive", "energy", "food", "textile", "aerospace", "software", "battery",
  "hydrogen", "robotics", "photonics", "medical", "agri", "cluster", "logistics", "water", "wood",
  "artificial intelligence", "semiconductors", "tourism", "mobility", "maritime", "pharma",
];

export type Mix = {
  page: number;
  api: number;
  profile: number;
  signin: number;
  send: number;
  reply: number;
  accept: number;
  invite: number;
};

export const DEFAULT_MIX: Mix = { page: 25, api: 20, profile: 20, signin: 2, send: 12, reply: 12, accept: 4, invite: 5 };

export type ActionIds = { send?: string; reply?: string; accept?: string; invite: string };

type KnownRequest = {
  id: string;
  sender: number;
  receiver: number;
  /** OPEN or ACCEPTED as acknowledged; "unknown" after an accept whose answer was lost. */
  status: "OPEN" | "ACCEPTED" | "unknown";
};

/** Writes the server acknowledged (ok: true), and the ones sent without an answer. */
export class Ledger {
  readonly sends: { id: string; token: string; sender: number; receiver: number; kind: string }[] = [];
  readonly replies: { requestId: string; token: string }[] = [];
  readonly accepts: { requestId: string; partnershipId?: string }[] = [];
  readonly invites: { orgId: string; email: string }[] = [];
  /** Attempts without a clear answer (no HTTP answer, 5xx): they may or may not have happened. */
  readonly uncertain: { kind: string; token: string }[] = [];
  readonly requests = new Map<string, KnownRequest>();
  /** Request ids each organisation (by user index) is a side of. */
  readonly sidesOf = new Map<number, string[]>();

  addRequest(r: KnownRequest): void {
    this.requests.set(r.id, r);
    for (const side of [r.sender, r.receiver]) this.sidesOf.set(side, [...(this.sidesOf.get(side) ?? []), r.id]);
  }
}

export type Shared = {
  instances: string[];
  users: LoadUser[];
  publicSlugs: string[];
  actions: ActionIds;
  recorder: Recorder;
  ledger: Ledger;
  runId: string;
  mix: Mix;
  thinkMs: number;
  /** Set when the run should end. */
  deadline: number;
};

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function isErrorPage(body: string): boolean {
  // An error boundary (app/error.tsx) rendered in place of the page: React marks the failed part with a digest.
  return /data-dgst=|"digest":"/.test(body);
}

export class SimulatedUser {
  jar = new CookieJar();
  readonly ip: string;
  private sendAttempts = 0;
  private seq = 0;
  private readonly usedTriples = new Set<string>();
  private receiverOrder: number[];
  private receiverCursor = 0;

  constructor(
    readonly user: LoadUser,
    private readonly shared: Shared,
  ) {
    const n = user.index + 1;
    this.ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    // Each user walks the other organisations in its own order, so sends spread over many pairs.
    this.receiverOrder = shared.users.map((u) => u.index).filter((i) => i !== user.index).sort(() => Math.random() - 0.5);
  }

  private instance(): { base: string; index: number } {
    const index = Math.floor(Math.random() * this.shared.instances.length);
    return { base: this.shared.instances[index]!, index };
  }

  private token(kind: string): string {
    this.seq += 1;
    return `lt-${this.shared.runId}-${kind}-${this.user.index}-${this.seq}-${randomBytes(3).toString("hex")}`;
  }

  private recordGet(kind: string, startedAt: number, exchange: Exchange, instance: number, html: boolean): void {
    const ok = exchange.status === 200 && !(html && isErrorPage(exchange.body));
    const outcome = exchange.status === 0 ? `no answer (${exchange.error})` : exchange.status === 200 && !ok ? "200 error page" : String(exchange.status);
    const leak = ok ? undefined : findLeak(exchange.body);
    this.shared.recorder.add({ kind, startedAt, ms: exchange.ms, ok, outcome, clean: ok ? undefined : leak === undefined, evidence: leak, instance });
  }

  private recordAction(kind: string, startedAt: number, outcome: ActionOutcome, instance: number): boolean {
    const { exchange, result } = outcome;
    const ok = exchange.status === 200 && result?.ok === true;
    let label: string;
    if (ok) label = "200";
    else if (exchange.status === 0) label = `no answer (${exchange.error})`;
    else if (exchange.status === 200 && result && !result.ok) label = `200 action refused: ${result.error}`;
    else if (exchange.status === 200) label = "200 without a result";
    else label = String(exchange.status);
    const leak = ok ? undefined : findLeak(exchange.body);
    this.shared.recorder.add({ kind, startedAt, ms: exchange.ms, ok, outcome: label, clean: ok ? undefined : leak === undefined, evidence: leak, instance });
    return ok;
  }

  /** The first sign-in, before the measured run. */
  async signInFirst(): Promise<boolean> {
    const { base } = this.instance();
    const result = await signIn(base, this.jar, this.user, this.ip);
    return result.ok;
  }

  async run(): Promise<void> {
    const mix = this.shared.mix;
    const entries = Object.entries(mix) as [keyof Mix, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    while (performance.now() < this.shared.deadline) {
      let roll = Math.random() * total;
      let choice: keyof Mix = "page";
      for (const [name, weight] of entries) {
        if (roll < weight) {
          choice = name;
          break;
        }
        roll -= weight;
      }
      await this.step(choice);
      if (this.shared.thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * this.shared.thinkMs));
    }
  }

  private async step(choice: keyof Mix): Promise<void> {
    const { actions } = this.shared;
    switch (choice) {
      case "page":
        return this.searchPage();
      case "api":
        return this.searchApi();
      case "profile":
        return this.viewProfile();
      case "signin":
        return this.freshSignIn();
      case "send":
        if (actions.send && this.sendAttempts < SEND_BUDGET) return this.sendRequest();
        return this.searchPage();
      case "reply":
        if (actions.reply && (this.shared.ledger.sidesOf.get(this.user.index)?.length ?? 0) > 0) return this.reply();
        if (actions.send && this.sendAttempts < SEND_BUDGET) return this.sendRequest();
        return this.viewProfile();
      case "accept": {
        if (actions.accept && this.openReceived().length > 0) return this.accept();
        return this.searchApi();
      }
      case "invite":
        return this.invite();
    }
  }

  private async searchPage(): Promise<void> {
    const { base, index } = this.instance();
    const params = new URLSearchParams({ q: pick(SEARCH_TERMS) });
    if (Math.random() < 0.3) params.set("page", String(2 + Math.floor(Math.random() * 3)));
    const startedAt = performance.now();
    const exchange = await request(`${base}/clusters?${params}`, { jar: this.jar, ip: this.ip });
    this.recordGet("search page", startedAt, exchange, index, true);
  }

  private async searchApi(): Promise<void> {
    const { base, index } = this.instance();
    const params = new URLSearchParams({ q: pick(SEARCH_TERMS) });
    if (Math.random() < 0.3) params.set("page", String(2 + Math.floor(Math.random() * 3)));
    const startedAt = performance.now();
    const exchange = await request(`${base}/api/v1/clusters?${params}`, { ip: this.ip });
    this.recordGet("search api", startedAt, exchange, index, false);
  }

  private async viewProfile(): Promise<void> {
    const { base, index } = this.instance();
    const startedAt = performance.now();
    const exchange = await request(`${base}/clusters/${pick(this.shared.publicSlugs)}`, { jar: this.jar, ip: this.ip });
    this.recordGet("profile", startedAt, exchange, index, true);
  }

  private async freshSignIn(): Promise<void> {
    const { base, index } = this.instance();
    const jar = new CookieJar();
    const startedAt = performance.now();
    const result = await signIn(base, jar, this.user, this.ip);
    const exchange = result.exchange;
    const reason = result.reason?.replace(/\s+/g, " ").trim().slice(0, 80);
    const outcome = result.ok ? "200" : exchange.status === 0 ? `no answer (${exchange.error})` : `${exchange.status}${reason ? ` ${reason}` : ""}`;
    // The reason travels in the sign-in page's URL (?error=…): it must not carry internals either.
    const leak = result.ok ? undefined : findLeak(`${exchange.body}\n${result.reason ?? ""}`);
    this.shared.recorder.add({ kind: "sign-in", startedAt, ms: exchange.ms, ok: result.ok, outcome, clean: result.ok ? undefined : leak === undefined, evidence: leak, instance: index });
    // A failed sign-in keeps the old session (a person would still be signed in).
    if (result.ok) this.jar = jar;
  }

  /** The next (receiver, kind) this user has never tried: never an open pair and kind, so never "already open". */
  private nextTriple(): { receiver: number; kind: string } | undefined {
    for (let tries = 0; tries < this.receiverOrder.length * REQUEST_KINDS.length; tries++) {
      const receiver = this.receiverOrder[this.receiverCursor % this.receiverOrder.length]!;
      const kind = REQUEST_KINDS[Math.floor(this.receiverCursor / this.receiverOrder.length) % REQUEST_KINDS.length]!;
      this.receiverCursor += 1;
      const key = `${receiver}:${kind}`;
      if (!this.usedTriples.has(key)) {
        this.usedTriples.add(key);
        return { receiver, kind };
      }
    }
    return undefined;
  }

  private async sendRequest(): Promise<void> {
    const triple = this.nextTriple();
    if (!triple) return this.searchPage();
    this.sendAttempts += 1;
    const receiver = this.shared.users[triple.receiver]!;
    const token = this.token("send");
    const { base, index } = this.instance();
    const startedAt = performance.now();
    const outcome = await callAction<{ id: string }>(
      base,
      `/clusters/${receiver.orgSlug}`,
      this.shared.actions.send!,
      [{ orgSlug: this.user.orgSlug, receiverSlug: receiver.orgSlug, kind: triple.kind, subject: `Load ${token}`, message: token }],
      { jar: this.jar, ip: this.ip },
    );
    const ok = this.recordAction("request send", startedAt, outcome, index);
    const id = ok ? readId(outcome) : undefined;
    if (ok && id) {
      this.shared.ledger.sends.push({ id, token, sender: this.user.index, receiver: triple.receiver, kind: triple.kind });
      this.shared.ledger.addRequest({ id, sender: this.user.index, receiver: triple.receiver, status: "OPEN" });
    } else if (!ok && isUncertain(outcome)) {
      this.shared.ledger.uncertain.push({ kind: "send", token });
    }
  }

  private async reply(): Promise<void> {
    const ids = this.shared.ledger.sidesOf.get(this.user.index)!;
    const target = this.shared.ledger.requests.get(pick(ids))!;
    const token = this.token("reply");
    const { base, index } = this.instance();
    const startedAt = performance.now();
    const outcome = await callAction(
      base,
      `/o/${this.user.orgSlug}/requests/${target.id}`,
      this.shared.actions.reply!,
      [{ orgSlug: this.user.orgSlug, requestId: target.id, message: token }],
      { jar: this.jar, ip: this.ip },
    );
    const ok = this.recordAction("request reply", startedAt, outcome, index);
    if (ok) this.shared.ledger.replies.push({ requestId: target.id, token });
    else if (isUncertain(outcome)) this.shared.ledger.uncertain.push({ kind: "reply", token });
  }

  private openReceived(): KnownRequest[] {
    const ids = this.shared.ledger.sidesOf.get(this.user.index) ?? [];
    return ids.map((id) => this.shared.ledger.requests.get(id)!).filter((r) => r.receiver === this.user.index && r.status === "OPEN");
  }

  private async accept(): Promise<void> {
    const target = pick(this.openReceived());
    const { base, index } = this.instance();
    const startedAt = performance.now();
    const outcome = await callAction<{ id: string; partnershipId?: string }>(
      base,
      `/o/${this.user.orgSlug}/requests/${target.id}`,
      this.shared.actions.accept!,
      [{ orgSlug: this.user.orgSlug, requestId: target.id }],
      { jar: this.jar, ip: this.ip },
    );
    const ok = this.recordAction("request accept", startedAt, outcome, index);
    if (ok) {
      target.status = "ACCEPTED";
      const data = outcome.result?.ok ? (outcome.result.data as { partnershipId?: string } | undefined) : undefined;
      this.shared.ledger.accepts.push({ requestId: target.id, partnershipId: data?.partnershipId });
    } else {
      // It may have happened: never try to accept it again (a reply is fine either way).
      target.status = "unknown";
    }
  }

  private async invite(): Promise<void> {
    const token = this.token("inv");
    const email = `${token}@example.org`;
    const { base, index } = this.instance();
    const startedAt = performance.now();
    const outcome = await callAction(
      base,
      `/o/${this.user.orgSlug}/members`,
      this.shared.actions.invite,
      [{ orgSlug: this.user.orgSlug, email, role: "MEMBER" }],
      { jar: this.jar, ip: this.ip },
    );
    const ok = this.recordAction("invite", startedAt, outcome, index);
    if (ok) this.shared.ledger.invites.push({ orgId: this.user.orgId, email });
    else if (isUncertain(outcome)) this.shared.ledger.uncertain.push({ kind: "invite", token: email });
  }
}

/** The new request's id from the action's answer (its data, or the page it redirected to). */
function readId(outcome: ActionOutcome): string | undefined {
  if (outcome.result?.ok) {
    const data = outcome.result.data as { id?: unknown } | undefined;
    if (data && typeof data.id === "string") return data.id;
  }
  const redirect = outcome.exchange.headers?.get("x-action-redirect");
  const match = redirect ? /\/requests\/([A-Za-z0-9_-]+)/.exec(redirect) : null;
  return match?.[1];
}

/** A failure after which the write may still have been committed (no answer, or a server error). */
function isUncertain(outcome: ActionOutcome): boolean {
  const { exchange, result } = outcome;
  return exchange.status === 0 || exchange.status >= 500 || (exchange.status === 200 && result?.ok === false);
}
