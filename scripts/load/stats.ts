import { percentile } from "../measure";

/**
 * What the load test counts: every exchange with its kind, outcome and time
 * (relative to the start of the run), so that errors can be told apart by
 * when they happened (during a fault or not) and latencies reported per kind.
 */
export type Sample = {
  kind: string;
  /** ms since the start of the run, when the exchange began */
  at: number;
  ms: number;
  ok: boolean;
  /** "200", "503", "0 ECONNREFUSED", "200 action ok:false: <message>" … */
  outcome: string;
  /** Set for failures: was the answer clean (no stack trace, no internal error text)? */
  clean?: boolean;
  /** A short piece of an unclean body, for the report. */
  evidence?: string;
  instance: number;
};

/** Signs that an answer leaks internals: a stack frame, an error class name, database or framework text. */
const LEAK_PATTERNS: RegExp[] = [
  /\n\s+at [^\n]+\(?[^\n]*:\d+:\d+\)?/, // a stack frame "    at fn (file.js:1:2)"
  /\bat (?:async )?[\w$.<>]+ \((?:\/|file:|node:|webpack)/,
  /\b(?:Type|Reference|Syntax|Range)Error: /,
  /PrismaClient\w*Error|Invalid `prisma\.|DriverAdapterError|ECONNREFUSED|ECONNRESET|terminating connection|timeout exceeded when trying to connect/,
  /Error: (?:connect|read|write) E[A-Z]+/,
];

/** Whether a body shows internals; returns the offending excerpt. */
export function findLeak(body: string): string | undefined {
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(body);
    if (match) {
      const start = Math.max(0, match.index - 60);
      return body.slice(start, match.index + match[0].length + 60).replace(/\s+/g, " ");
    }
  }
  return undefined;
}

export class Recorder {
  readonly samples: Sample[] = [];
  constructor(private startedAt: number) {}

  /** Starts the clock again (the measured run begins after the set-up). */
  restart(startedAt: number): void {
    this.startedAt = startedAt;
    this.samples.length = 0;
  }

  now(): number {
    return performance.now() - this.startedAt;
  }

  add(sample: Omit<Sample, "at"> & { startedAt: number }): void {
    const { startedAt, ...rest } = sample;
    this.samples.push({ ...rest, at: startedAt - this.startedAt });
  }
}

export type KindSummary = { kind: string; count: number; errors: number; p50: number; p95: number; p99: number; rps: number };

export function summarise(samples: Sample[], seconds: number): { kinds: KindSummary[]; overall: KindSummary } {
  const byKind = new Map<string, Sample[]>();
  for (const s of samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const summary = (kind: string, list: Sample[]): KindSummary => {
    const latencies = list.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
    return {
      kind,
      count: list.length,
      errors: list.filter((s) => !s.ok).length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      rps: list.length / seconds,
    };
  };
  const kinds = [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, list]) => summary(kind, list));
  return { kinds, overall: summary("overall", samples) };
}

export function errorsByOutcome(samples: Sample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of samples) {
    if (s.ok) continue;
    const key = `${s.outcome}  [${s.kind}]`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts.entries()].sort(([, a], [, b]) => b - a));
}

export function formatTable(kinds: KindSummary[], overall: KindSummary): string {
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0).padStart(7) : "    n/a");
  const line = (k: KindSummary) =>
    `${k.kind.padEnd(18)} ${String(k.count).padStart(7)} ${String(k.errors).padStart(6)} ${fmt(k.p50)} ${fmt(k.p95)} ${fmt(k.p99)} ${k.rps.toFixed(1).padStart(7)}`;
  return [
    `${"kind".padEnd(18)} ${"count".padStart(7)} ${"errors".padStart(6)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"req/s".padStart(7)}`,
    ...kinds.map(line),
    line(overall),
  ].join("\n");
}
