import "server-only";
import { getStatusByTheme } from "../dashboard/status-by-theme";
import { getStatusChangesOverTime } from "../dashboard/status-changes-over-time";
import { compareInitiatives, listCompareChoices } from "../compare/compare-initiatives";
import { getCountryMatrix } from "../countries/country-matrix";
import { getCountryPage } from "../countries/get-country";
import { listCountries } from "../countries/list-countries";
import { getDashboard } from "../dashboard/get-dashboard";
import { getEvent, listEvents } from "../events/get-event";
import { prisma } from "../db/prisma";
import { feedDocument, type FeedTarget } from "../feeds/feed-request";
import { listHistory } from "../history/list-history";
import { getInitiative } from "../initiatives/get-initiative";
import { facetCounts, queryInitiatives, type InitiativeFilters } from "../initiatives/query-initiatives";
import { getMetricHistory } from "../metrics/get-metric-history";
import { listMetrics } from "../metrics/list-metrics";
import { matchedPassages, searchAll } from "../search/search-all";
import { getSource } from "../sources/get-source";
import { listSourcePage, listSources } from "../sources/list-sources";
import { countryReport, initiativesReport } from "../reports/build-report";
import { getCountryScorecard, getScorecardIndex } from "../scorecards/get-scorecards";
import { getThemeOverview } from "../themes/get-theme";
import type { PrismaClient } from "../generated/prisma/client";
import { cachedRead } from "./cached";
import { TAG } from "./tags";

/** A read that takes the client first, bound to the app's client (the cache key is the other arguments). */
function withClient<A extends unknown[], R>(read: (client: PrismaClient, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => read(prisma, ...args);
}

// Bound before cachedRead sees them, so their argument types reach its tag functions.
const readInitiative = withClient(getInitiative);
const readSource = withClient(getSource);
const readCountryPage = withClient(getCountryPage);
const readThemeOverview = withClient(getThemeOverview);
const readFeed = withClient(feedDocument);
const readEvent = withClient(getEvent);
const readCountryScorecard = withClient(getCountryScorecard);
const readCountryReport = withClient(countryReport);

/**
 * The reads behind the public pages, each cached until the next write (lib/cache/cached.ts).
 * Pages import these; tests and writes use the uncached functions.
 */
const LISTS = [TAG.initiatives] as const;
const DASHBOARD = [TAG.initiatives, TAG.history, TAG.metrics] as const;

export const publicData = {
  dashboard: cachedRead("dashboard", () => DASHBOARD, withClient(getDashboard)),
  initiative: cachedRead("initiative", ([slug]) => [TAG.initiative(slug)], readInitiative),
  source: cachedRead("source", ([id]) => [TAG.source(id)], readSource),
  countries: cachedRead("countries", () => [TAG.countries], withClient(listCountries)),
  // An event's page and the list show its initiatives' titles and statuses, which every initiative change expires.
  events: cachedRead("events", () => [TAG.events, TAG.initiatives], withClient(listEvents)),
  event: cachedRead("event", ([slug]) => [TAG.event(slug), TAG.initiatives], readEvent),
  sources: cachedRead("sources", () => [TAG.sources], withClient(listSources)),
  sourcePage: cachedRead("source-page", () => [TAG.sources], withClient(listSourcePage)),
  countryMatrix: cachedRead("country-matrix", () => [TAG.initiatives, TAG.countries], withClient(getCountryMatrix)),
  countryPage: cachedRead("country-page", ([code]) => [TAG.country(code)], readCountryPage),
  themeOverview: cachedRead("theme-overview", ([theme]) => [TAG.theme(theme)], readThemeOverview),
  metrics: cachedRead("metrics", () => [TAG.metrics], withClient(listMetrics)),
  // Every write to a figure or its initiative's title expires the figures list's tag (initiativeChangeTags).
  metricHistory: cachedRead("metric-history", () => [TAG.metrics], withClient(getMetricHistory)),
  statusByTheme: cachedRead("status-by-theme", () => LISTS, withClient(getStatusByTheme)),
  statusChanges: cachedRead("status-changes", () => [TAG.history], withClient(getStatusChangesOverTime)),
  initiatives: cachedRead(
    "initiatives",
    () => LISTS,
    (query: InitiativeFilters, locale: string) => queryInitiatives(prisma, query, locale),
  ),
  facets: cachedRead("facets", () => LISTS, withClient(facetCounts)),
  // The cache stores JSON, so the Map travels as its entries. Passages include history notes.
  matchedPassages: cachedRead(
    "matched-passages",
    () => [TAG.initiatives, TAG.history],
    async (q: string, slugs: string[]) => [...(await matchedPassages(prisma, q, slugs)).entries()],
  ),
  search: cachedRead(
    "search",
    () => [TAG.initiatives, TAG.history, TAG.sources],
    (q: string, page: number, pageSize: number) => searchAll(prisma, q, page, pageSize),
  ),
  // Statuses, stages, countries, figures and the newest history entry of a few initiatives.
  compare: cachedRead("compare", () => [TAG.initiatives, TAG.metrics, TAG.history], withClient(compareInitiatives)),
  compareChoices: cachedRead("compare-choices", () => LISTS, withClient(listCompareChoices)),
  // Scores with their initiatives' titles and themes and their countries' names.
  scorecards: cachedRead("scorecards", () => [TAG.scores, TAG.initiatives, TAG.countries], withClient(getScorecardIndex)),
  countryScorecard: cachedRead("country-scorecard", ([code]) => [TAG.scorecard(code), TAG.initiatives, TAG.countries], readCountryScorecard),
  // Reports show initiatives (titles, statuses, countries) and the sources quoted for them.
  initiativesReport: cachedRead(
    "initiatives-report",
    () => [TAG.initiatives, TAG.sources],
    (query: InitiativeFilters, locale: string) => initiativesReport(prisma, query, locale),
  ),
  countryReport: cachedRead("country-report", ([code]) => [TAG.country(code), TAG.initiatives, TAG.sources], readCountryReport),
  history: cachedRead("history", () => [TAG.history], withClient(listHistory)),
  metricNames: cachedRead(
    "metric-names",
    () => [TAG.metrics],
    () => prisma.metric.findMany({ select: { slug: true, nameRu: true, nameEn: true } }),
  ),
  feed: cachedRead("feed", ([target]) => [feedTag(target)], readFeed),
  // When the data last changed (API Last-Modified): the newest initiative update or history entry.
  lastChange: cachedRead(
    "last-change",
    () => [TAG.initiatives, TAG.history],
    async () => {
      const [initiative, entry] = await Promise.all([
        prisma.initiative.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }),
        prisma.historyEntry.findFirst({ orderBy: { recordedAt: "desc" }, select: { recordedAt: true } }),
      ]);
      return new Date(Math.max(initiative?.updatedAt.getTime() ?? 0, entry?.recordedAt.getTime() ?? 0));
    },
  ),
};

/** A feed follows one initiative, country, theme, source, event or figure, or the whole history. */
function feedTag(target: FeedTarget): string {
  switch (target.kind) {
    case "history":
      return TAG.history;
    case "initiative":
      return TAG.initiative(target.slug);
    case "country":
      return TAG.country(target.code);
    case "theme":
      return TAG.theme(target.theme);
    case "source":
      return TAG.source(Number(target.id));
    case "event":
      return TAG.event(target.slug);
    case "metric":
      return TAG.metric(target.slug);
  }
}
