import "server-only";
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { THEMES, type Theme } from "../domain/vocabulary";
import { HISTORY_ITEM_SELECT, historyInitiativeWhere, listHistory, toHistoryItem, type HistoryFilter, type HistoryItem } from "../history/list-history";
import { jsonError, type ErrorDetail } from "../http/json-error";
import { mergedTarget, permanentRedirectResponse } from "../initiatives/merged-target";
import { requestOrigin } from "../http/request-origin";
import { loadMessages } from "../i18n/load-messages";
import { metricEntriesWhere } from "../metrics/get-metric-history";
import { listRecordHistory, type HistorySubject, type RecordHistoryView } from "../records/record-history";
import { isLocale } from "../i18n/routing";
import { ATOM_CONTENT_TYPE, renderAtomFeed } from "./atom";
import { buildHistoryFeed, FEED_ENTRY_LIMIT, FEED_LANGS, referencedNames, type FeedLang, type FeedSubject } from "./history-feed";

/**
 * Answers GET /feeds/… : parses the path and ?lang, looks the subject up, and returns the
 * Atom document or a JSON error. Takes the client as a parameter so tests can call it directly.
 */

/** What a feed path names, before it is looked up. */
export type FeedTarget =
  | { kind: "history" }
  | { kind: "initiative"; slug: string }
  | { kind: "country"; code: string }
  | { kind: "theme"; theme: string }
  | { kind: "source"; id: string }
  | { kind: "event"; slug: string }
  | { kind: "metric"; slug: string };

const COLLECTIONS = { initiatives: "initiative", countries: "country", themes: "theme", sources: "source", events: "event", targets: "metric" } as const;

/** The feeds that exist, for error details. */
export const FEED_PATTERNS = [
  "/feeds/history.atom",
  "/feeds/initiatives/<slug>.atom",
  "/feeds/countries/<CODE>.atom",
  "/feeds/themes/<theme>.atom",
  "/feeds/sources/<id>.atom",
  "/feeds/events/<slug>.atom",
  "/feeds/targets/<slug>.atom",
] as const;

/** Path segments after /feeds → what they name; null for anything else. */
export function parseFeedPath(segments: readonly string[]): FeedTarget | null {
  if (segments.length === 1 && segments[0] === "history.atom") return { kind: "history" };
  if (segments.length !== 2) return null;
  const [collection, file] = segments as [string, string];
  if (!Object.hasOwn(COLLECTIONS, collection) || !file.endsWith(".atom")) return null;
  const name = file.slice(0, -".atom".length);
  if (!name) return null;
  const kind = COLLECTIONS[collection as keyof typeof COLLECTIONS];
  switch (kind) {
    case "initiative":
    case "event":
    case "metric":
      return { kind, slug: name };
    case "country":
      return { kind, code: name };
    case "theme":
      return { kind, theme: name };
    case "source":
      return { kind, id: name };
  }
}

/** Feeds are public open data like the API: their errors are readable from any origin too. */
const CORS = { "Access-Control-Allow-Origin": "*" } as const;

/** Used only when the database holds no initiative at all (a fixed date, not the Unix epoch). */
const EMPTY_DATABASE_UPDATED = new Date("2025-11-17T00:00:00Z");

/**
 * What a feed holds: initiative history entries selected by `filter` (initiatives, countries,
 * themes, the whole history) or by `where` (a figure's), and a record's own history (`record`).
 */
type Resolved =
  | { subject: FeedSubject; filter?: HistoryFilter; where?: Prisma.HistoryEntryWhereInput; record?: { subject: HistorySubject; id: number }; created?: Date }
  | { error: string; details: ErrorDetail[] };

async function resolve(prisma: PrismaClient, target: FeedTarget, t: (key: string) => string): Promise<Resolved> {
  switch (target.kind) {
    case "history":
      return { subject: { kind: "history" }, filter: {} };
    case "initiative": {
      const initiative = await prisma.initiative.findUnique({
        where: { slug: target.slug, mergedIntoId: null },
        select: { slug: true, titleRu: true, titleEn: true },
      });
      if (!initiative) return { error: t("unknownInitiative"), details: [{ parameter: "slug", message: `no initiative with slug "${target.slug}"` }] };
      return { subject: { kind: "initiative", ...initiative }, filter: { initiativeSlug: initiative.slug } };
    }
    case "country": {
      const code = target.code.toUpperCase();
      const country = /^[A-Z]{2}$/.test(code) ? await prisma.country.findUnique({ where: { code }, select: { code: true, nameRu: true, nameEn: true } }) : null;
      if (!country) return { error: t("unknownCountry"), details: [{ parameter: "code", message: `no country with code "${target.code}"` }] };
      return { subject: { kind: "country", ...country }, filter: { countryCode: country.code } };
    }
    case "theme": {
      if (!(THEMES as readonly string[]).includes(target.theme)) {
        return { error: t("unknownTheme"), details: [{ parameter: "theme", message: `must be one of: ${THEMES.join(", ")}` }] };
      }
      const theme = target.theme as Theme;
      return { subject: { kind: "theme", theme }, filter: { theme } };
    }
    case "source": {
      const id = /^[1-9]\d{0,9}$/.test(target.id) ? Number(target.id) : null;
      const source =
        id !== null && id <= 2 ** 31 - 1 ? await prisma.source.findUnique({ where: { id }, select: { id: true, title: true, createdAt: true } }) : null;
      if (!source) return { error: t("unknownSource"), details: [{ parameter: "id", message: `no source with id "${target.id}"` }] };
      return { subject: { kind: "source", id: source.id, title: source.title }, record: { subject: "source", id: source.id }, created: source.createdAt };
    }
    case "event": {
      const event = await prisma.event.findUnique({ where: { slug: target.slug }, select: { id: true, slug: true, nameRu: true, nameEn: true } });
      if (!event) return { error: t("unknownEvent"), details: [{ parameter: "slug", message: `no event with slug "${target.slug}"` }] };
      const { id, ...names } = event;
      return { subject: { kind: "event", ...names }, record: { subject: "event", id } };
    }
    case "metric": {
      const metric = await prisma.metric.findUnique({
        where: { slug: target.slug },
        select: { id: true, slug: true, nameRu: true, nameEn: true, initiativeId: true },
      });
      if (!metric) return { error: t("unknownMetric"), details: [{ parameter: "slug", message: `no figure with slug "${target.slug}"` }] };
      return {
        subject: { kind: "metric", slug: metric.slug, nameRu: metric.nameRu, nameEn: metric.nameEn },
        where: metricEntriesWhere(metric),
        record: { subject: "metric", id: metric.id },
      };
    }
  }
}

/** The newest initiative history entries a feed shows: by filter or by condition, or none. */
async function feedEntries(prisma: PrismaClient, resolved: Extract<Resolved, { subject: FeedSubject }>): Promise<HistoryItem[]> {
  if (resolved.filter) return listHistory(prisma, { ...resolved.filter, limit: FEED_ENTRY_LIMIT, order: "desc" });
  if (!resolved.where) return [];
  const rows = await prisma.historyEntry.findMany({
    where: resolved.where,
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: FEED_ENTRY_LIMIT,
    select: HISTORY_ITEM_SELECT,
  });
  return rows.map(toHistoryItem);
}

/** A feed's Atom document, or why there is none (an unknown subject). */
export type FeedDocument = { found: true; xml: string; updated: Date } | { found: false; error: string; details: ErrorDetail[] };

/** Looks the subject up and renders its feed; cached by the route (lib/cache/public-data.ts). */
export async function feedDocument(prisma: PrismaClient, target: FeedTarget, lang: FeedLang, origin: string): Promise<FeedDocument> {
  const messages = await loadMessages(lang);
  const resolved = await resolve(prisma, target, (key) => errorText(messages, key));
  if ("error" in resolved) return { found: false, error: resolved.error, details: resolved.details };

  const [entries, records] = await Promise.all([
    feedEntries(prisma, resolved),
    resolved.record ? listRecordHistory(prisma, resolved.record.subject, resolved.record.id) : ([] as RecordHistoryView[]),
  ]);
  const { countryCodes, metricSlugs } = referencedNames(entries);
  const [countries, metrics, fallbackUpdated] = await Promise.all([
    countryCodes.length ? prisma.country.findMany({ where: { code: { in: countryCodes } }, select: { code: true, nameRu: true, nameEn: true } }) : [],
    metricSlugs.length ? prisma.metric.findMany({ where: { slug: { in: metricSlugs } }, select: { slug: true, nameRu: true, nameEn: true } }) : [],
    // Entries come newest first; without any, a feed of initiatives is as new as their last change,
    // a source as its addition, and a seed event or figure keeps a fixed date.
    entries[0]?.recordedAt ??
      records[0]?.recordedAt ??
      (resolved.filter ? lastInitiativeUpdate(prisma, resolved.filter) : (resolved.created ?? EMPTY_DATABASE_UPDATED)),
  ]);

  const feed = buildHistoryFeed({
    subject: resolved.subject,
    lang,
    origin,
    entries,
    records,
    fallbackUpdated,
    countryNames: Object.fromEntries(countries.map(({ code, ...names }) => [code, names])),
    metricNames: Object.fromEntries(metrics.map(({ slug, ...names }) => [slug, names])),
    messages,
  });
  return { found: true, xml: renderAtomFeed(feed), updated: feed.updated };
}

type DocumentFor = (target: FeedTarget, lang: FeedLang, origin: string) => Promise<FeedDocument>;

export async function handleFeedRequest(
  prisma: PrismaClient,
  request: Request,
  segments: readonly string[],
  documentFor: DocumentFor = (target, lang, origin) => feedDocument(prisma, target, lang, origin),
): Promise<Response> {
  const url = new URL(request.url);
  const requestedLang = url.searchParams.get("lang");
  if (requestedLang !== null && !isLocale(requestedLang)) {
    const messages = await loadMessages("ru");
    return jsonError(400, errorText(messages, "badLang"), [{ parameter: "lang", message: `must be one of: ${FEED_LANGS.join(", ")}` }], CORS);
  }
  const lang: FeedLang = requestedLang ?? "ru";
  const target = parseFeedPath(segments);
  if (!target) {
    const messages = await loadMessages(lang);
    return jsonError(
      404,
      errorText(messages, "unknownFeed"),
      [{ parameter: "path", message: `/feeds/${segments.join("/")} is not a feed; feeds: ${FEED_PATTERNS.join(", ")}` }],
      CORS,
    );
  }
  const document = await documentFor(target, lang, requestOrigin(request));
  if (!document.found) {
    // A merged duplicate's feed is the kept initiative's feed now.
    const kept = target.kind === "initiative" ? await mergedTarget(prisma, target.slug) : null;
    if (kept) return permanentRedirectResponse(`/feeds/initiatives/${encodeURIComponent(kept)}.atom${url.search}`, CORS);
    return jsonError(404, document.error, document.details, CORS);
  }

  const { xml } = document;
  const etag = `"${createHash("sha256").update(xml).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": ATOM_CONTENT_TYPE,
    "Cache-Control": "no-cache",
    ETag: etag,
    "Last-Modified": document.updated.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    // Public open data, like the API: readable from any origin, never with credentials.
    "Access-Control-Allow-Origin": "*",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": headers["Cache-Control"], "Access-Control-Allow-Origin": "*" } });
  }
  return new Response(xml, { status: 200, headers });
}

/** <updated> of a feed without entries: the last change to one of its initiatives, else to any. */
async function lastInitiativeUpdate(prisma: PrismaClient, filter: HistoryFilter): Promise<Date> {
  const where = historyInitiativeWhere(filter);
  const own = where ? await prisma.initiative.findFirst({ where, orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }) : null;
  const any = own ?? (await prisma.initiative.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }));
  return any?.updatedAt ?? EMPTY_DATABASE_UPDATED;
}

function errorText(messages: Record<string, unknown>, key: string): string {
  const errors = (messages.feeds as { errors?: Record<string, unknown> } | undefined)?.errors;
  const text = errors?.[key];
  return typeof text === "string" ? text : key;
}
