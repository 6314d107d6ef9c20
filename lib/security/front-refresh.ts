import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { TAG } from "../cache/tags";
import { getEnv } from "../env";
import { localePath } from "../i18n/locale-path";
import { routing } from "../i18n/routing";
import { log } from "../log";

/**
 * After a write, the app asks the caching front (deploy/nginx.conf) to fetch the pages readers
 * look at first again at once, instead of waiting for its copy to run out at the end of the second
 * (decision 052). Without this a write showed after up to a second plus the render that refreshes
 * the copy (measured max 1,098 ms); with it, after one render. Pages the write does not name here
 * (lists with filters, country and theme pages) keep the end-of-second rule.
 */

/** The request header that carries the front's secret to ask for a fresh copy (nginx's map $tracker_refresh). */
export const FRONT_REFRESH_HEADER = "x-tracker-refresh";

/** A bulk import names thousands of initiatives; those pages refresh by the end-of-second rule. */
const MAX_REFRESHED_INITIATIVES = 10;

/**
 * The addresses (every language) a write with these tags asks the front to fetch again, in two
 * rounds: the written initiatives' pages first, so the dashboard's heavier renders do not share the
 * processor with them.
 */
export function frontRefreshPaths(tags: readonly string[]): string[][] {
  const inLanguages = (page: string) => routing.locales.map((locale) => localePath(locale, page));
  const slugs = tags.filter((tag) => tag.startsWith("initiative:")).map((tag) => tag.slice("initiative:".length));
  const initiatives = slugs.length <= MAX_REFRESHED_INITIATIVES ? slugs.flatMap((slug) => inLanguages(`/initiatives/${encodeURIComponent(slug)}`)) : [];
  // The dashboard counts and charts every initiative.
  const dashboard = tags.includes(TAG.initiatives) || tags.includes(TAG.all) ? inLanguages("/") : [];
  return [initiatives, dashboard].filter((round) => round.length > 0);
}

let lastFailureLoggedAt = 0;

/** One GET through the front with the refresh header; the body is read and dropped. */
function refreshOne(base: URL, path: string, secret: string): Promise<void> {
  const url = new URL(path, base);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: "GET", headers: { [FRONT_REFRESH_HEADER]: secret }, timeout: 10_000 }, (response) => {
      response.resume();
      response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode} for ${path}`))));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`no answer for ${path} in 10 s`)));
    request.on("error", reject);
    request.end();
  });
}

/**
 * Addresses being refreshed now, and whether a later write asked for them meanwhile: that write
 * gets one more refresh when the current one ends, not one of its own, so a burst of writes costs
 * at most two renders per address instead of one per write.
 */
const inFlight = new Map<string, boolean>();

async function refreshAddress(base: URL, path: string, secret: string): Promise<void> {
  if (inFlight.has(path)) {
    inFlight.set(path, true);
    return;
  }
  for (let again = true; again; again = inFlight.get(path) === true) {
    inFlight.set(path, false);
    try {
      await refreshOne(base, path, secret);
    } catch (error) {
      if (Date.now() - lastFailureLoggedAt > 60_000) {
        lastFailureLoggedAt = Date.now();
        log("warn", "front_refresh_failed", { front: base.origin, path, error });
      }
    }
  }
  inFlight.delete(path);
}

/** Whether writes ask a front for fresh copies (FRONT_URL and FRONT_SECRET are set). */
export function frontRefreshEnabled(): boolean {
  const { FRONT_URL, FRONT_SECRET } = getEnv();
  return Boolean(FRONT_URL && FRONT_SECRET);
}

/**
 * Asks the front for fresh copies of what the tags name, round by round (each address is one
 * render on some instance). Off unless FRONT_URL and FRONT_SECRET are set. Never throws: a front
 * that is down costs readers only the end-of-second wait, so failures are logged, once a minute.
 */
export async function refreshFront(tags: readonly string[]): Promise<void> {
  const { FRONT_URL, FRONT_SECRET } = getEnv();
  if (!FRONT_URL || !FRONT_SECRET) return;
  const base = new URL(FRONT_URL);
  for (const round of frontRefreshPaths(tags)) await Promise.all(round.map((path) => refreshAddress(base, path, FRONT_SECRET)));
}
