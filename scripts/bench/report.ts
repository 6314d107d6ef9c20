import type { LoadResult } from "./load";
import type { TimeSummary } from "./server-time";
import type { WriteLoopResult } from "./write-loop";

/** Formatting for the tables the bench prints. */

export interface Target {
  key: string;
  label: string;
  path: string;
  /** Goal 4's bound on cold p95 server time, where the issue sets one. */
  coldGoalMs: number | null;
  api?: boolean;
}

/** One page kind: nginx serving its bytes, the app alone, the app behind the front. */
export interface Row {
  target: Target;
  ceiling: LoadResult;
  app: LoadResult;
  front: LoadResult | null;
  /** nginx's $upstream_cache_status of every request in the front's run (its access log). */
  frontCache?: Record<string, number>;
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "—"
    : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export function goal(name: string, value: number | null, show: (value: number) => string, met: boolean): Goal {
  return { goal: name, measured: value === null ? "not measured" : show(value), met: value !== null && met };
}

/** "1/35": how many requests nginx serves in the time the target serves one; "0.8×" above 1/10. */
export function ratio(target: number, nginx: number): string {
  if (nginx <= 0 || target <= 0) return "—";
  const r = target / nginx;
  return r >= 0.1 ? `${fmt(r, 2)}×` : `1/${fmt(1 / r)}`;
}

function table(rows: string[][], numeric: (column: number) => boolean): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (numeric(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, column) => (numeric(column) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

const rps = (result: LoadResult | null) => (result ? fmt(result.requestsPerSecond, result.requestsPerSecond < 10 ? 1 : 0) : "—");
const errors = (result: LoadResult | null) => (result ? String(result.non2xx + result.errors) : "—");

export function throughputTable(rows: Row[]): string {
  return table(
    [
      ["page", "kB", "nginx static req/s", "app req/s", "app ratio", "app p99 ms", "front req/s", "front ratio", "errors (app/front)"],
      ...rows.map(({ target, ceiling, app, front }) => [
        target.label,
        fmt(app.bytes / 1000),
        rps(ceiling),
        rps(app),
        ratio(app.requestsPerSecond, ceiling.requestsPerSecond),
        fmt(app.p99, app.p99 < 10 ? 1 : 0),
        rps(front),
        front ? ratio(front.requestsPerSecond, ceiling.requestsPerSecond) : "—",
        `${errors(app)}/${errors(front)}`,
      ]),
    ],
    (column) => column >= 1 && column <= 7,
  );
}

export function serverTimeTable(targets: Target[], warm: Map<string, TimeSummary>, cold: Map<string, TimeSummary>): string {
  return table(
    [
      ["server time (Server-Timing total, ms)", "warm p50", "warm p95", "cold p50", "cold p95", "cold db p50", "cold goal"],
      ...targets.map((t) => {
        const w = warm.get(t.key);
        const c = cold.get(t.key);
        return [t.label, fmt(w?.p50, 1), fmt(w?.p95, 1), fmt(c?.p50, 1), fmt(c?.p95, 1), fmt(c?.dbP50, 1), t.coldGoalMs === null ? "—" : `< ${t.coldGoalMs}`];
      }),
    ],
    (column) => column >= 1,
  );
}

export function goalTable(goals: Goal[]): string {
  return table([["goal (issue 13)", "measured", ""], ...goals.map((g) => [g.goal, g.measured, g.met ? "met" : "MISSED"])], (column) => column === 1);
}

export function writeLine(label: string, result: WriteLoopResult): string {
  return (
    `${label}: ${fmt(result.writesPerSecond, 1)} writes/s (${result.acknowledged} acknowledged of ${result.attempted} in ${fmt(result.seconds, 1)} s, ` +
    `${result.workers} workers; conflicts ${result.conflicts}, failed ${result.failed}); POST p50 ${fmt(result.postP50)} ms, p99 ${fmt(result.postP99)} ms; ` +
    `visible to the public after p50 ${fmt(result.visibleP50)} ms, p99 ${fmt(result.visibleP99)} ms, max ${fmt(result.visibleMax)} ms ` +
    `(${result.visibleSamples} sampled${result.visibleTimedOut ? `, ${result.visibleTimedOut} never seen` : ""}); ` +
    `server time: editor's GET p50 ${fmt(result.getServerP50, 1)} ms, POST p50 ${fmt(result.postServerP50, 1)} ms, p95 ${fmt(result.postServerP95, 1)} ms`
  );
}
