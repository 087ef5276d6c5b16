/**
 * The load test's HTTP client: what a browser does, without the browser.
 * A cookie jar per simulated user, next-auth's credentials sign-in with its
 * CSRF token, and server actions called the way React calls them (a POST to
 * the page URL with a `Next-Action` header and the arguments as a JSON array),
 * with the action's result read from the React Flight answer.
 */
import fs from "node:fs";
import path from "node:path";

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** A copy: the same session used from another instance or client. */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    return copy;
  }
}

export const SESSION_COOKIE = "next-auth.session-token";

/** One HTTP exchange as the load test records it. */
export type Exchange = {
  status: number; // 0: no HTTP answer (connection refused or reset, timeout)
  ms: number;
  body: string;
  error?: string;
  headers?: Headers;
};

// A browser waits minutes for an answer; a slow answer is a latency, not an error.
const REQUEST_TIMEOUT_MS = 120_000;

export async function request(
  url: string,
  init: RequestInit & { jar?: CookieJar; ip?: string; timeoutMs?: number } = {},
): Promise<Exchange> {
  const started = performance.now();
  const headers = new Headers(init.headers);
  if (init.jar) {
    const cookie = init.jar.header();
    if (cookie) headers.set("cookie", cookie);
  }
  // Each simulated user is its own client address (the rate limits key on it).
  if (init.ip) headers.set("x-forwarded-for", init.ip);
  try {
    const response = await fetch(url, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(init.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    init.jar?.store(response);
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, body, headers: response.headers };
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { status: 0, ms: performance.now() - started, body: "", error: cause };
  }
}

/**
 * Signs in through next-auth's credentials callback as the sign-in form does
 * (`signIn("credentials", { redirect: false })`): CSRF token first, then the
 * form post, then the session read. `ok` is true when a session cookie came back.
 */
export async function signIn(
  base: string,
  jar: CookieJar,
  credentials: { email: string; password: string },
  ip: string,
): Promise<{ ok: boolean; exchange: Exchange; reason?: string }> {
  const started = performance.now();
  const csrf = await request(`${base}/api/auth/csrf`, { jar, ip });
  if (csrf.status !== 200) return { ok: false, exchange: { ...csrf, ms: performance.now() - started } };
  let csrfToken: string;
  try {
    csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  } catch {
    return { ok: false, exchange: { ...csrf, ms: performance.now() - started }, reason: "no CSRF token" };
  }
  const form = new URLSearchParams({
    email: credentials.email,
    password: credentials.password,
    redirect: "false",
    csrfToken,
    callbackUrl: `${base}/orgs`,
    json: "true",
  });
  const callback = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    jar,
    ip,
    // A browser sends Origin with every POST.
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: form.toString(),
  });
  const total = () => performance.now() - started;
  // A refused sign-in is a 401 with the same JSON body, its reason in the URL's `error`.
  if (callback.status !== 200 && callback.status !== 401) return { ok: false, exchange: { ...callback, ms: total() } };
  let error: string | null = null;
  try {
    error = new URL((JSON.parse(callback.body) as { url: string }).url).searchParams.get("error");
  } catch {
    error = "unreadable answer";
  }
  if (error || callback.status !== 200 || !jar.get(SESSION_COOKIE)) {
    return { ok: false, exchange: { ...callback, ms: total() }, reason: error ?? "no session cookie" };
  }
  const session = await request(`${base}/api/auth/session`, { jar, ip });
  return { ok: session.status === 200 && session.body.includes('"id"'), exchange: { ...session, ms: total() } };
}

/** Action ids by "<file>#<exportedName>", from the build's server-reference manifest. */
export type ActionIds = Map<string, string>;

export function readActionIds(distDir: string): ActionIds {
  const file = path.resolve(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids: ActionIds = new Map();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

export function actionId(ids: ActionIds, file: string, name: string): string {
  const id = ids.get(`${file}#${name}`);
  if (!id) throw new Error(`server action ${name} from ${file} is not in the build (run next build after it was added)`);
  return id;
}

export type ActionOutcome<T = unknown> = {
  exchange: Exchange;
  /** The action's return value, when the answer carried one. */
  result?: { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
};

/**
 * Reads rows of a React Flight answer (`<hex id>:<json>` lines) and returns
 * the action's result: row 0 is `{"a":"$@<row>", …}` pointing at the row that
 * holds the value the action returned.
 */
export function parseActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  let pointer: unknown;
  try {
    pointer = (JSON.parse(head) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  if (typeof pointer !== "string") return pointer;
  const ref = /^\$@([0-9a-f]+)$/.exec(pointer);
  if (!ref) return pointer;
  const row = rows.get(ref[1]!);
  if (row === undefined) return undefined;
  try {
    return JSON.parse(row);
  } catch {
    return undefined;
  }
}

/** Calls a server action on `pagePath` as the browser would, with the user's cookies. */
export async function callAction<T = unknown>(
  base: string,
  pagePath: string,
  id: string,
  args: unknown[],
  options: { jar: CookieJar; ip: string },
): Promise<ActionOutcome<T>> {
  const exchange = await request(`${base}${pagePath}`, {
    method: "POST",
    jar: options.jar,
    ip: options.ip,
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": id,
      origin: base,
    },
    body: JSON.stringify(args),
  });
  if (exchange.status !== 200) return { exchange };
  const result = parseActionResult(exchange.body) as ActionOutcome<T>["result"];
  if (result && typeof result === "object" && "ok" in result) return { exchange, result };
  return { exchange };
}
