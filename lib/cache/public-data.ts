import "server-only";
import { getStatusByTheme } from "../dashboard/status-by-theme";
import { getStatusChangesOverTime } from "../dashboard/status-changes-over-time";
import { getCountryMatrix } from "../countries/country-matrix";
import { getCountryPage } from "../countries/get-country";
import { listCountries } from "../countries/list-countries";
import { getDashboard } from "../dashboard/get-dashboard";
import { prisma } from "../db/prisma";
import { listHistory } from "../history/list-history";
import { getInitiative } from "../initiatives/get-initiative";
import { facetCounts, queryInitiatives, type InitiativeFilters } from "../initiatives/query-initiatives";
import { listMetrics } from "../metrics/list-metrics";
import { matchedPassages, searchAll } from "../search/search-all";
import { getSource } from "../sources/get-source";
import { listSourcePage, listSources } from "../sources/list-sources";
import { getThemeOverview } from "../themes/get-theme";
import type { PrismaClient } from "../generated/prisma/client";
import { cachedRead } from "./cached";

/** A read that takes the client first, bound to the app's client (the cache key is the other arguments). */
function withClient<A extends unknown[], R>(read: (client: PrismaClient, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => read(prisma, ...args);
}

/**
 * The reads behind the public pages, each cached until the next write (lib/cache/cached.ts).
 * Pages import these; tests and writes use the uncached functions.
 */
export const publicData = {
  dashboard: cachedRead("dashboard", withClient(getDashboard)),
  initiative: cachedRead("initiative", withClient(getInitiative)),
  source: cachedRead("source", withClient(getSource)),
  countries: cachedRead("countries", withClient(listCountries)),
  sources: cachedRead("sources", withClient(listSources)),
  sourcePage: cachedRead("source-page", withClient(listSourcePage)),
  countryMatrix: cachedRead("country-matrix", withClient(getCountryMatrix)),
  countryPage: cachedRead("country-page", withClient(getCountryPage)),
  themeOverview: cachedRead("theme-overview", withClient(getThemeOverview)),
  metrics: cachedRead("metrics", withClient(listMetrics)),
  statusByTheme: cachedRead("status-by-theme", withClient(getStatusByTheme)),
  statusChanges: cachedRead("status-changes", withClient(getStatusChangesOverTime)),
  initiatives: cachedRead("initiatives", (query: InitiativeFilters, locale: string) => queryInitiatives(prisma, query, locale)),
  facets: cachedRead("facets", withClient(facetCounts)),
  // The cache stores JSON, so the Map travels as its entries.
  matchedPassages: cachedRead("matched-passages", async (q: string, slugs: string[]) => [...(await matchedPassages(prisma, q, slugs)).entries()]),
  search: cachedRead("search", (q: string, page: number, pageSize: number) => searchAll(prisma, q, page, pageSize)),
  history: cachedRead("history", withClient(listHistory)),
  metricNames: cachedRead("metric-names", () => prisma.metric.findMany({ select: { slug: true, nameRu: true, nameEn: true } })),
};
