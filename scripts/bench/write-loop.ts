import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { hashPassword } from "../../lib/auth/password";
import { sessionId as sessionIdFor } from "../../lib/auth/sessions";
import { sleep } from "./processes";
import { parseServerTiming } from "./server-time";

/**
 * The status write loop: editors marking initiatives verified, replayed over HTTP exactly as a
 * browser without JavaScript submits the form (tests/e2e/direct-post.spec.ts): GET the page with
 * the session cookie, take the form's own fields (the hidden `slug`, `version` and React's
 * `$ACTION_*` references), POST them as multipart with Origin and Cookie headers.
 */

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

export interface BenchSession {
  cookie: string;
  sessionId: string;
  userId: number;
}

/**
 * A fresh editor account and a session for it, written straight into the bench database
 * (its id made by lib/auth/sessions.ts from the cookie's token), so the bench
 * never meets the sign-in rate limit. The password is random and never printed.
 */
export async function createEditorSession(dbFile: string): Promise<BenchSession> {
  const token = randomBytes(32).toString("base64url");
  const sessionId = sessionIdFor(token);
  const passwordHash = await hashPassword(randomBytes(18).toString("base64url"));
  const now = new Date();
  const db = new Database(dbFile, { timeout: 10_000 });
  try {
    const userId = Number(
      db
        .prepare(`INSERT INTO "User" ("email", "displayName", "role", "passwordHash", "active", "createdAt") VALUES (?, 'Bench Writer', 'editor', ?, 1, ?)`)
        .run(`bench-writer-${now.getTime()}-${randomBytes(3).toString("hex")}@example.test`, passwordHash, iso(now)).lastInsertRowid,
    );
    db.prepare(`INSERT INTO "Session" ("id", "userId", "expiresAt", "createdAt") VALUES (?, ?, ?, ?)`).run(
      sessionId,
      userId,
      iso(new Date(now.getTime() + 86_400_000)),
      iso(now),
    );
    return { cookie: `tracker_session=${token}`, sessionId, userId };
  } finally {
    db.close();
  }
}

/** Ends the bench's session (the account stays: its history entries point at it). */
export function deleteSession(dbFile: string, sessionId: string): void {
  const db = new Database(dbFile, { timeout: 10_000 });
  try {
    db.prepare(`DELETE FROM "Session" WHERE "id" = ?`).run(sessionId);
  } finally {
    db.close();
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The fields a browser would send for the form containing `marker` (hidden inputs and textareas). */
export function formFields(html: string, marker: string): [string, string][] | null {
  const at = html.indexOf(marker);
  if (at < 0) return null;
  const start = html.lastIndexOf("<form", at);
  const end = html.indexOf("</form>", at);
  if (start < 0 || end < 0) return null;
  const form = html.slice(start, end);
  const fields: [string, string][] = [];
  for (const input of form.matchAll(/<input\b([^>]*?)\/?>/g)) {
    const attributes = new Map([...input[1]!.matchAll(/([\w:$-]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeEntities(m[2]!)]));
    const name = attributes.get("name");
    if (name && attributes.get("type") === "hidden") fields.push([name, attributes.get("value") ?? ""]);
  }
  for (const textarea of form.matchAll(/<textarea\b[^>]*\bname="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields.push([decodeEntities(textarea[1]!), decodeEntities(textarea[2]!)]);
  }
  return fields;
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface WriteLoopOptions {
  /** Where the forms are loaded and posted (the app, or nginx in front of it). */
  base: string;
  /** Where anonymous readers look (same as base, or nginx). */
  publicBase: string;
  /** One list of initiative slugs per worker: no two workers write the same initiative. */
  slugs: string[][];
  durationMs: number;
  cookie: string;
  /** Poll for visibility after every n-th acknowledged write (and after each worker's first). */
  sampleEvery: number;
  pollMs: number;
  visibleTimeoutMs: number;
}

export interface WriteLoopResult {
  workers: number;
  seconds: number;
  attempted: number;
  acknowledged: number;
  conflicts: number;
  failed: number;
  writesPerSecond: number;
  /** POST → acknowledged page, ms. */
  postP50: number | null;
  postP99: number | null;
  /** Acknowledged → the public page shows the new version, ms. */
  visibleSamples: number;
  visibleP50: number | null;
  visibleP99: number | null;
  visibleMax: number | null;
  visibleTimedOut: number;
  /** Server-Timing totals, ms: the editor's GET of the page, and the POST (action, tag expiry, answer). */
  getServerP50: number | null;
  postServerP50: number | null;
  postServerP95: number | null;
  firstErrors: string[];
}

/** Polls the public page (no cookie) until its history lists `version`. */
async function timeUntilVisible(publicBase: string, slug: string, version: number, ackAt: number, pollMs: number, timeoutMs: number): Promise<number | null> {
  const needle = `>version ${version}<`;
  while (performance.now() - ackAt < timeoutMs) {
    try {
      const response = await fetch(`${publicBase}/en/initiatives/${slug}`);
      if ((await response.text()).includes(needle)) return performance.now() - ackAt;
    } catch {
      // Try again.
    }
    await sleep(pollMs);
  }
  return null;
}

export async function runWriteLoop(options: WriteLoopOptions): Promise<WriteLoopResult> {
  const origin = new URL(options.base).origin;
  const headers = { cookie: options.cookie };
  const postLatencies: number[] = [];
  const getServer: number[] = [];
  const postServer: number[] = [];
  const visibility: Promise<number | null>[] = [];
  const errors = new Set<string>();
  let attempted = 0;
  let acknowledged = 0;
  let conflicts = 0;
  let failed = 0;
  const fail = (message: string) => {
    failed++;
    if (errors.size < 5) errors.add(message.slice(0, 200));
  };
  const started = performance.now();
  const deadline = started + options.durationMs;

  const worker = async (slugs: string[]) => {
    let mine = 0;
    for (let k = 0; performance.now() < deadline; k++) {
      const slug = slugs[k % slugs.length]!;
      const url = `${options.base}/en/initiatives/${slug}`;
      attempted++;
      try {
        const page = await fetch(url, { headers });
        const html = await page.text();
        const getTiming = parseServerTiming(page.headers.get("server-timing"));
        if (getTiming) getServer.push(getTiming.total);
        if (page.status !== 200) {
          fail(`GET ${url}: HTTP ${page.status}`);
          continue;
        }
        const fields = formFields(html, 'aria-label="Verification"');
        if (!fields || !fields.some(([name]) => name.startsWith("$ACTION"))) {
          fail(`GET ${url}: no verification form (is the session valid?)`);
          continue;
        }
        const body = new FormData();
        for (const [name, value] of fields) body.append(name, name === "note" ? "Bench: checked against the sources." : value);
        const sentAt = performance.now();
        const response = await fetch(url, { method: "POST", body, headers: { ...headers, origin }, redirect: "manual" });
        const text = await response.text();
        const ackAt = performance.now();
        const postTiming = parseServerTiming(response.headers.get("server-timing"));
        if (postTiming) postServer.push(postTiming.total);
        const ack = /Marked as verified \(version (\d+)\)/.exec(text);
        if (response.status === 200 && ack) {
          acknowledged++;
          mine++;
          postLatencies.push(ackAt - sentAt);
          if (acknowledged % options.sampleEvery === 0 || mine === 1) {
            // In the background, so polling does not slow this editor down.
            visibility.push(timeUntilVisible(options.publicBase, slug, Number(ack[1]), ackAt, options.pollMs, options.visibleTimeoutMs));
          }
        } else if (text.includes("Someone else changed this initiative")) {
          conflicts++;
        } else {
          fail(`POST ${url}: HTTP ${response.status}${response.status === 200 ? ", no acknowledgement in the page" : `: ${text.slice(0, 120)}`}`);
        }
      } catch (error) {
        fail(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  await Promise.all(options.slugs.map(worker));
  const seconds = (performance.now() - started) / 1000;
  const delays = await Promise.all(visibility);
  const seen = delays.filter((d): d is number => d !== null);
  return {
    workers: options.slugs.length,
    seconds,
    attempted,
    acknowledged,
    conflicts,
    failed,
    writesPerSecond: acknowledged / seconds,
    postP50: percentile(postLatencies, 50),
    postP99: percentile(postLatencies, 99),
    visibleSamples: delays.length,
    visibleP50: percentile(seen, 50),
    visibleP99: percentile(seen, 99),
    visibleMax: seen.length ? Math.max(...seen) : null,
    visibleTimedOut: delays.length - seen.length,
    getServerP50: percentile(getServer, 50),
    postServerP50: percentile(postServer, 50),
    postServerP95: percentile(postServer, 95),
    firstErrors: [...errors],
  };
}
