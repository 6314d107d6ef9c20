import "server-only";
import { THEMES, type InitiativeStatus, type Theme } from "../domain/vocabulary";
import type { PrismaClient } from "../generated/prisma/client";
import { latestScores, scoreAverages, type Average } from "./score-averages";

export interface ScorecardIndex {
  /** Scored countries only, by name order of the caller's choosing (codes here). */
  countries: ({ code: string; nameRu: string; nameEn: string } & Average)[];
  /** Themes with at least one scored initiative, in vocabulary order. */
  themes: ({ theme: Theme } & Average)[];
  /** Current scores in all. */
  total: number;
  /** The newest "as of" day among them. */
  latestAsOf: Date | null;
}

/** The public scorecards' overview: averages per country and theme of the current scores. */
export async function getScorecardIndex(prisma: PrismaClient): Promise<ScorecardIndex> {
  const rows = await prisma.score.findMany({
    select: {
      initiativeId: true,
      countryCode: true,
      version: true,
      score: true,
      asOf: true,
      initiative: { select: { themes: { select: { theme: true } } } },
      country: { select: { nameRu: true, nameEn: true } },
    },
  });
  const current = latestScores(rows);
  const { byCountry, byTheme } = scoreAverages(current.map((row) => ({ ...row, themes: row.initiative.themes.map((item) => item.theme) })));
  const names = new Map(current.map((row) => [row.countryCode, row.country]));
  return {
    countries: [...byCountry].map(([code, stats]) => ({ code, ...names.get(code)!, ...stats })).sort((a, b) => a.code.localeCompare(b.code)),
    themes: THEMES.flatMap((theme) => {
      const stats = byTheme.get(theme);
      return stats ? [{ theme, ...stats }] : [];
    }),
    total: current.length,
    latestAsOf: current.reduce<Date | null>((latest, row) => (!latest || row.asOf > latest ? row.asOf : latest), null),
  };
}

export interface ScoreRow {
  id: number;
  initiative: { slug: string; titleRu: string; titleEn: string; status: InitiativeStatus };
  score: number;
  asOf: Date;
  note: string;
  authorName: string;
  version: number;
  recordedAt: Date;
  quote: { id: number; sourceId: number; text: string };
}

export interface CountryScorecard {
  country: { code: string; nameRu: string; nameEn: string };
  /** The current score of each scored initiative. */
  scored: ScoreRow[];
  /** The country's initiatives nobody has scored yet (listed without a value). */
  unscored: { slug: string; titleRu: string; titleEn: string; status: InitiativeStatus }[];
  average: Average | null;
  /** Every score ever set for this country, newest first. */
  history: ScoreRow[];
}

const SCORE_ROW_SELECT = {
  id: true,
  initiativeId: true,
  countryCode: true,
  score: true,
  asOf: true,
  note: true,
  version: true,
  recordedAt: true,
  author: { select: { displayName: true } },
  initiative: { select: { slug: true, titleRu: true, titleEn: true, status: true } },
  quote: { select: { id: true, sourceId: true, text: true } },
} as const;

/** One country's scorecard; null for a code that names no country. */
export async function getCountryScorecard(prisma: PrismaClient, rawCode: string): Promise<CountryScorecard | null> {
  const code = rawCode.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return null;
  const country = await prisma.country.findUnique({
    where: { code },
    select: {
      code: true,
      nameRu: true,
      nameEn: true,
      participations: {
        select: { initiative: { select: { id: true, slug: true, titleRu: true, titleEn: true, status: true } } },
        orderBy: { initiative: { slug: "asc" } },
      },
    },
  });
  if (!country) return null;
  const rows = await prisma.score.findMany({ where: { countryCode: code }, orderBy: [{ recordedAt: "desc" }, { id: "desc" }], select: SCORE_ROW_SELECT });
  const toRow = (row: (typeof rows)[number]): ScoreRow => ({
    id: row.id,
    initiative: row.initiative,
    score: row.score,
    asOf: row.asOf,
    note: row.note,
    authorName: row.author.displayName,
    version: row.version,
    recordedAt: row.recordedAt,
    quote: row.quote,
  });
  const current = latestScores(rows).sort((a, b) => a.initiative.slug.localeCompare(b.initiative.slug));
  const scoredIds = new Set(current.map((row) => row.initiativeId));
  const stats = scoreAverages(current.map((row) => ({ ...row, themes: [] }))).byCountry.get(code) ?? null;
  return {
    country: { code: country.code, nameRu: country.nameRu, nameEn: country.nameEn },
    scored: current.map(toRow),
    unscored: country.participations
      .map((p) => p.initiative)
      .filter((initiative) => !scoredIds.has(initiative.id))
      .map(({ id: _id, ...rest }) => rest),
    average: stats,
    history: rows.map(toRow),
  };
}

/** What the score form needs: the pair's current score (version 0: none yet) and the sources to quote. */
export async function getScoreFormData(prisma: PrismaClient, slug: string, rawCode: string) {
  const code = rawCode.toUpperCase();
  const initiative = await prisma.initiative.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      titleRu: true,
      titleEn: true,
      participations: { where: { countryCode: code }, select: { country: { select: { code: true, nameRu: true, nameEn: true } } } },
    },
  });
  const country = initiative?.participations[0]?.country;
  if (!initiative || !country) return null;
  const [latest, sources] = await Promise.all([
    prisma.score.findFirst({ where: { initiativeId: initiative.id, countryCode: code }, orderBy: { version: "desc" }, select: SCORE_ROW_SELECT }),
    prisma.source.findMany({ select: { id: true, title: true, outlet: true }, orderBy: { id: "asc" } }),
  ]);
  return {
    initiative: { slug: initiative.slug, titleRu: initiative.titleRu, titleEn: initiative.titleEn },
    country,
    current: latest ? { score: latest.score, asOf: latest.asOf, note: latest.note, version: latest.version, quote: latest.quote } : null,
    sources,
  };
}
