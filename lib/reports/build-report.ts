import "server-only";
import { INITIATIVE_STATUSES, type InitiativeStatus, type Stage, type Theme } from "../domain/vocabulary";
import type { PrismaClient } from "../generated/prisma/client";
import { initiativeIdPages, type InitiativeFilters } from "../initiatives/query-initiatives";
import { parseCountryCode } from "../countries/country-order";
import { INITIATIVE_NAME_SELECT, PARTICIPANT_COUNTRIES_SELECT, THEMES_SELECT } from "../initiatives/initiative-select";

export interface ReportRow {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  stage: Stage | null;
  themes: Theme[];
  countries: { code: string; nameRu: string; nameEn: string }[];
}

export interface ReportSource {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedOn: Date | null;
  url: string | null;
  /** How many of the report's initiatives it is quoted for. */
  initiatives: number;
}

export interface Report {
  rows: ReportRow[];
  statusCounts: { status: InitiativeStatus; count: number }[];
  /** The sources quoted for these initiatives, oldest first (unknown dates last). */
  sources: ReportSource[];
  /** When any of these initiatives last changed: the date the report's data hold at. */
  dataAsOf: Date | null;
}

/** A printable report of these initiatives, in the given order. */
export async function reportForIds(prisma: PrismaClient, ids: number[]): Promise<Report> {
  const initiatives = await prisma.initiative.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      ...INITIATIVE_NAME_SELECT,
      status: true,
      stage: true,
      updatedAt: true,
      themes: THEMES_SELECT,
      participations: PARTICIPANT_COUNTRIES_SELECT,
      quotes: { select: { sourceId: true } },
    },
  });
  const byId = new Map(initiatives.map((row) => [row.id, row]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  const quotedFor = new Map<number, Set<number>>();
  for (const initiative of ordered)
    for (const { sourceId } of initiative.quotes) quotedFor.set(sourceId, (quotedFor.get(sourceId) ?? new Set()).add(initiative.id));
  const sources = await prisma.source.findMany({
    where: { id: { in: [...quotedFor.keys()] } },
    select: { id: true, title: true, outlet: true, publishedOn: true, url: true },
  });
  return {
    rows: ordered.map((row) => ({
      slug: row.slug,
      titleRu: row.titleRu,
      titleEn: row.titleEn,
      status: row.status,
      stage: row.stage,
      themes: row.themes.map((item) => item.theme),
      countries: row.participations.map((item) => item.country),
    })),
    statusCounts: INITIATIVE_STATUSES.map((status) => ({ status, count: ordered.filter((row) => row.status === status).length })).filter(
      (item) => item.count > 0,
    ),
    sources: sources
      .map((source) => ({ ...source, initiatives: quotedFor.get(source.id)!.size }))
      .sort((a, b) => (a.publishedOn?.getTime() ?? Infinity) - (b.publishedOn?.getTime() ?? Infinity) || a.id - b.id),
    dataAsOf: ordered.reduce<Date | null>((latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest), null),
  };
}

/** A printed report stops here: more rows than this is a list to narrow, not a report to print. */
export const REPORT_MAX_ROWS = 1000;

/**
 * The report of the list's filtered view: its rows in the list's order, all pages, up to
 * REPORT_MAX_ROWS (`truncated` says when the view holds more).
 */
export async function initiativesReport(prisma: PrismaClient, filters: InitiativeFilters, locale: string): Promise<Report & { truncated: boolean }> {
  const ids: number[] = [];
  for await (const page of initiativeIdPages(prisma, filters, locale, 200)) {
    ids.push(...page);
    if (ids.length > REPORT_MAX_ROWS) break;
  }
  return { ...(await reportForIds(prisma, ids.slice(0, REPORT_MAX_ROWS))), truncated: ids.length > REPORT_MAX_ROWS };
}

/** The report of one country: the initiatives it proposes or takes part in; null for an unknown code. */
export async function countryReport(
  prisma: PrismaClient,
  rawCode: string,
): Promise<{ country: { code: string; nameRu: string; nameEn: string }; report: Report } | null> {
  const code = parseCountryCode(rawCode);
  if (!code) return null;
  const country = await prisma.country.findUnique({ where: { code }, select: { code: true, nameRu: true, nameEn: true } });
  if (!country) return null;
  const ids = await prisma.initiative.findMany({
    where: { OR: [{ proposerCountryCode: code }, { participations: { some: { countryCode: code } } }] },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return {
    country,
    report: await reportForIds(
      prisma,
      ids.map((row) => row.id),
    ),
  };
}
