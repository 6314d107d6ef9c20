import type { LoadResult } from "./load";
import type { WriteLoopResult } from "./write-loop";

/** Formatting for the one table the bench prints. */

const round = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? "—" : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** "1/35": how many of this target's requests nginx serves in the time the target serves one. */
export function ratioToNginx(target: number, nginx: number | null): string {
  if (!nginx || nginx <= 0) return "n/a";
  if (target <= 0) return "—";
  if (target >= nginx) return `${round(target / nginx, 1)}×`;
  const times = nginx / target;
  return `1/${times < 10 ? round(times, 1) : round(times)}`;
}

function errorCell(result: LoadResult): string {
  if (result.ok2xx + result.non2xx === 0 && result.errors === 0) return "no response completed during the run";
  const parts: string[] = [];
  if (result.non2xx) {
    const codes = Object.entries(result.statusCodes)
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, count]) => `${code}×${count}`)
      .join(" ");
    parts.push(`non-2xx ${result.non2xx}${codes ? ` (${codes})` : ""}`);
  }
  if (result.errors) parts.push(`errors ${result.errors}${result.timeouts ? ` (timeouts ${result.timeouts})` : ""}`);
  return parts.length ? parts.join(", ") : "0";
}

export function loadTable(results: LoadResult[], nginxRps: number | null): string {
  const rows = [
    ["target", "req/s", "p50 ms", "p99 ms", "ratio to nginx", "errors"],
    ...results.map((r) => [
      r.target,
      round(r.requestsPerSecond, r.requestsPerSecond < 10 ? 1 : 0),
      r.ok2xx + r.non2xx === 0 ? "—" : round(r.p50, r.p50 < 10 ? 1 : 0),
      r.ok2xx + r.non2xx === 0 ? "—" : round(r.p99, r.p99 < 10 ? 1 : 0),
      ratioToNginx(r.requestsPerSecond, nginxRps),
      errorCell(r),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => (column >= 1 && column <= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((w, column) => (column >= 1 && column <= 4 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

export function writeLine(label: string, result: WriteLoopResult): string {
  return (
    `${label}: ${round(result.writesPerSecond, 1)} writes/s (${result.acknowledged} acknowledged of ${result.attempted} in ${round(result.seconds, 1)} s, ` +
    `${result.workers} workers; conflicts ${result.conflicts}, failed ${result.failed}); POST p50 ${round(result.postP50)} ms, p99 ${round(result.postP99)} ms; ` +
    `visible to the public after p50 ${round(result.visibleP50)} ms, p99 ${round(result.visibleP99)} ms, max ${round(result.visibleMax)} ms ` +
    `(${result.visibleSamples} sampled${result.visibleTimedOut ? `, ${result.visibleTimedOut} never seen` : ""})`
  );
}
