import "server-only";
import { getStatusByTheme } from "../dashboard/status-by-theme";
import { getStatusChangesOverTime } from "../dashboard/status-changes-over-time";
import { getCountryMatrix } from "../countries/country-matrix";
import { getCountryPage } from "../countries/get-country";
import { listCountries } from "../countries/list-countries";
import { getDashboard } from "../dashboard/get-dashboard";
import { prisma } from "../db/prisma";
import { listHistory, type HistoryFilter } from "../history/list-history";
import { getInitiative } from "../initiatives/get-initiative";
import { facetCounts, queryInitiatives, type InitiativeFilters } from "../initiatives/query-initiatives";
import { listMetrics } from "../metrics/list-metrics";
import { matchedPassages, searchAll } from "../search/search-all";
import { getSource } from "../sources/get-source";
import { listSourcePage, listSources, type SourceFilters } from "../sources/list-sources";
import { getThemeOverview } from "../themes/get-theme";
import { cachedRead } from "./cached";

/**
 * The reads behind the public pages, each cached until the next write (lib/cache/cached.ts).
 * Pages import these; tests and writes use the uncached functions.
 */
export const publicData = {
  dashboard: cachedRead("dashboard", getDashboard),
  initiative: cachedRead("initiative", getInitiative),
  source: cachedRead("source", getSource),
  countries: cachedRead("countries", listCountries),
  sources: cachedRead("sources", listSources),
  sourcePage: cachedRead("source-page", (filters: SourceFilters) => listSourcePage(prisma, filters)),
  countryMatrix: cachedRead("country-matrix", getCountryMatrix),
  countryPage: cachedRead("country-page", getCountryPage),
  themeOverview: cachedRead("theme-overview", getThemeOverview),
  metrics: cachedRead("metrics", listMetrics),
  statusByTheme: cachedRead("status-by-theme", getStatusByTheme),
  statusChanges: cachedRead("status-changes", getStatusChangesOverTime),
  initiatives: cachedRead("initiatives", (query: InitiativeFilters, locale: string) => queryInitiatives(prisma, query, locale)),
  facets: cachedRead("facets", (query: InitiativeFilters) => facetCounts(prisma, query)),
  // The cache stores JSON, so the Map travels as its entries.
  matchedPassages: cachedRead("matched-passages", async (q: string, slugs: string[]) => [...(await matchedPassages(prisma, q, slugs)).entries()]),
  search: cachedRead("search", (q: string, page: number, pageSize: number) => searchAll(prisma, q, page, pageSize)),
  history: cachedRead("history", (filter: HistoryFilter) => listHistory(prisma, filter)),
  metricNames: cachedRead("metric-names", () => prisma.metric.findMany({ select: { slug: true, nameRu: true, nameEn: true } })),
};
