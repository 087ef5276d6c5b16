/**
 * Watches the app through a database restart: from the moment PostgreSQL is
 * stopped, requests to every instance (the health check, the directory API,
 * a public profile page). Keeps every answer (what an outage looks like from
 * the outside: status, a clean body or not) and stops once every endpoint
 * has answered normally after PostgreSQL is back.
 */
import { request } from "./http";
import { findLeak } from "./stats";

export type ProbeAnswer = {
  endpoint: "health" | "api" | "page";
  instance: number;
  startedAt: number;
  status: number;
  isNormal: boolean;
  /** Failure without internals in the body (no stack trace, no driver message). */
  isClean: boolean;
  evidence?: string;
  /** The API's error code, for JSON errors. */
  code?: string;
};

function isErrorPage(body: string): boolean {
  return /data-dgst=|"digest":"/.test(body);
}

export type Recovery = {
  /** When the first request that was answered normally by every endpoint of every instance after PostgreSQL's return was sent… */
  startedAt: number;
  /** …and when the last of those answers arrived. */
  answeredAt: number;
  /** The same per endpoint (health, api, page), as send times. */
  byEndpoint: Record<ProbeAnswer["endpoint"], number>;
};

type Target = { endpoint: ProbeAnswer["endpoint"]; instance: number; url: (n: number) => string; withIp: boolean };

/**
 * One probe loop per instance and endpoint: a request every 100 ms, at most
 * three in flight (a page can take seconds on a loaded machine, and a slow
 * answer must not delay the next probe). An endpoint has recovered at the
 * send time of its first normal answer sent after PostgreSQL accepted
 * connections again (a request sent a moment before that and answered
 * normally counts as recovery at that moment).
 */
export function startProbe(options: { instances: string[]; slug: string }): {
  finish(options: { upAt: number; deadline: number }): Promise<{ answers: ProbeAnswer[]; normal?: Recovery }>;
} {
  const answers: ProbeAnswer[] = [];
  let upAt: number | undefined;
  let deadline = Number.POSITIVE_INFINITY;
  const targets: Target[] = options.instances.flatMap((base, instance) => [
    { endpoint: "health" as const, instance, url: () => `${base}/api/health`, withIp: false },
    { endpoint: "api" as const, instance, url: (n: number) => `${base}/api/v1/clusters?q=digital&page=${1 + (n % 5)}`, withIp: true },
    { endpoint: "page" as const, instance, url: () => `${base}/clusters/${options.slug}`, withIp: true },
  ]);
  /** Per target: the first normal answer after the return, as [sent, answered]. */
  const recovered = new Map<Target, [number, number]>();

  const probeOnce = async (target: Target, n: number) => {
    const startedAt = performance.now();
    const ip = target.withIp ? `10.254.${n % 250}.${Math.floor(Math.random() * 250)}` : undefined;
    const answer = await request(target.url(n), { ip, timeoutMs: 30_000 });
    const isNormal = answer.status === 200 && !(target.endpoint === "page" && isErrorPage(answer.body));
    const evidence = isNormal ? undefined : findLeak(answer.body);
    let code: string | undefined;
    if (!isNormal && target.endpoint !== "page") {
      try {
        const body = JSON.parse(answer.body) as { error?: { code?: string }; status?: string };
        code = body.error?.code ?? body.status;
      } catch {
        code = undefined;
      }
    }
    answers.push({ endpoint: target.endpoint, instance: target.instance, startedAt, status: answer.status, isNormal, isClean: evidence === undefined, evidence, code });
    // Normal answers before the stop say nothing about recovery; only those that end after the return do.
    if (isNormal && upAt !== undefined) {
      const sentAt = Math.max(startedAt, upAt);
      const previous = recovered.get(target);
      if (!previous || sentAt < previous[0]) recovered.set(target, [sentAt, performance.now()]);
    }
  };

  const loops = targets.map(async (target) => {
    const inFlight = new Set<Promise<void>>();
    for (let n = 1; !(upAt !== undefined && recovered.has(target)) && performance.now() < deadline; n++) {
      const p = probeOnce(target, n).finally(() => inFlight.delete(p));
      inFlight.add(p);
      while (inFlight.size >= 3 && !recovered.has(target)) await Promise.race(inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(inFlight);
  });

  return {
    async finish(finishOptions) {
      upAt = finishOptions.upAt;
      deadline = finishOptions.deadline;
      await Promise.all(loops);
      if (recovered.size < targets.length) return { answers };
      const all = [...recovered.values()];
      const byEndpoint = { health: 0, api: 0, page: 0 };
      for (const [target, [sentAt]] of recovered) byEndpoint[target.endpoint] = Math.max(byEndpoint[target.endpoint], sentAt);
      return {
        answers,
        normal: { startedAt: Math.max(...all.map(([sent]) => sent)), answeredAt: Math.max(...all.map(([, answered]) => answered)), byEndpoint },
      };
    },
  };
}

/** "health 503 ×7, api 503 unavailable ×7, page 500 ×7" */
export function describeProbeAnswers(answers: ProbeAnswer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of answers) {
    if (a.isNormal) continue;
    const key = `${a.endpoint} ${a.status === 0 ? "no answer" : a.status}${a.code ? ` ${a.code}` : ""}${a.isClean ? "" : " (shows internals)"}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
