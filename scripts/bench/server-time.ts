import { formFields, percentile } from "./write-loop";

/** What the app's Server-Timing header says (lib/http/server-timing.ts), in milliseconds. */
export interface ServerTiming {
  total: number;
  db: number;
  render: number;
  queries: number;
  action: number | null;
  /** Every named span (lib/http/server-timing.ts), e.g. a mutation's `auth`, `write`, `expire`. */
  spans: Record<string, number>;
}

export function parseServerTiming(header: string | null): ServerTiming | null {
  if (!header) return null;
  const metric = (name: string) => {
    const match = new RegExp(`(?:^|,\\s*)${name};dur=([\\d.]+)`).exec(header);
    return match ? Number(match[1]) : null;
  };
  const total = metric("total");
  if (total === null) return null;
  const spans = Object.fromEntries([...header.matchAll(/(?:^|,\s*)(\w+);dur=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
  return {
    total,
    db: metric("db") ?? 0,
    render: metric("render") ?? 0,
    queries: Number(/desc="(\d+) queries"/.exec(header)?.[1] ?? 0),
    action: metric("action"),
    spans,
  };
}

/** One anonymous GET, read to the end; its Server-Timing. */
export async function timedGet(url: string): Promise<ServerTiming | null> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return parseServerTiming(response.headers.get("server-timing"));
}

export interface TimeSummary {
  samples: number;
  p50: number | null;
  p95: number | null;
  /** p50 of the database part. */
  dbP50: number | null;
}

export function summarize(timings: (ServerTiming | null)[], pick: (timing: ServerTiming) => number | null = (t) => t.total): TimeSummary {
  const values = timings.filter((t): t is ServerTiming => t !== null);
  const picked = values.map(pick).filter((v): v is number => v !== null);
  return {
    samples: picked.length,
    p50: percentile(picked, 50),
    p95: percentile(picked, 95),
    dbP50: percentile(
      values.map((t) => t.db),
      50,
    ),
  };
}

/** Warm: the same page again and again, one at a time (nothing else loads the app meanwhile). */
export async function sampleWarm(url: string, count: number): Promise<TimeSummary> {
  await timedGet(url);
  const timings: (ServerTiming | null)[] = [];
  for (let k = 0; k < count; k++) timings.push(await timedGet(url));
  return summarize(timings);
}

/**
 * A status change posted as a browser without JavaScript does (the form's hidden fields plus the
 * visible ones), alternating between two statuses that may follow each other. Returns the new
 * version and the POST's Server-Timing (its `action` span is the write on its own).
 */
export async function postStatusChange(
  base: string,
  slug: string,
  cookie: string,
  round: number,
): Promise<{ version: number; timing: ServerTiming | null } | { error: string }> {
  const url = `${base}/en/initiatives/${slug}`;
  const page = await fetch(url, { headers: { cookie } });
  const html = await page.text();
  const fields = formFields(html, 'id="status-form-title"');
  if (page.status !== 200 || !fields) return { error: `GET ${url}: HTTP ${page.status}${fields ? "" : ", no status form (is the session valid?)"}` };
  for (const status of round % 2 === 0 ? ["stalled", "in_progress"] : ["in_progress", "stalled"]) {
    const body = new FormData();
    for (const [name, value] of fields) if (name !== "note") body.append(name, value);
    const extra: Record<string, string> = {
      status,
      stage: "",
      effectiveOn: "2026-11-30",
      note: "Bench: status change.",
      overrideNote: "Bench: synthetic status change.",
      evidenceType: "link",
      evidenceUrl: "https://example.org/bench",
      evidenceTitle: "Bench",
      evidenceDate: "2026-11-30",
    };
    for (const [name, value] of Object.entries(extra)) body.append(name, value);
    const response = await fetch(url, { method: "POST", body, headers: { cookie, origin: new URL(base).origin }, redirect: "manual" });
    const text = await response.text();
    const saved = /Saved as version (\d+)/.exec(text);
    if (saved) return { version: Number(saved[1]), timing: parseServerTiming(response.headers.get("server-timing")) };
  }
  return { error: `POST ${url}: no "Saved as version" in the answer` };
}
