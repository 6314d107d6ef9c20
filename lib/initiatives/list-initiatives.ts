import "server-only";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { prisma } from "../db/prisma";
import { initiativeStatusSchema, themeSchema, type InitiativeStatus, type Stage, type Theme } from "../domain/vocabulary";
import { likePattern } from "./search-text";

/** The list's filters as they appear in the URL; unknown values are dropped, not errors. */
export const initiativeFiltersSchema = z.object({
  status: initiativeStatusSchema.optional().catch(undefined),
  theme: themeSchema.optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
});

export type InitiativeFilters = Partial<z.infer<typeof initiativeFiltersSchema>>;

/** Reads filters from Next's searchParams (a repeated parameter keeps its first value). */
export function parseInitiativeFilters(params: Record<string, string | string[] | undefined>): InitiativeFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return initiativeFiltersSchema.parse({
    status: first(params.status),
    theme: first(params.theme),
    country: first(params.country)?.toUpperCase(),
    q: first(params.q),
  });
}

export interface InitiativeListItem {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  stage: Stage | null;
  themes: Theme[];
  proposer: { code: string; nameRu: string; nameEn: string } | null;
  countries: { code: string; nameRu: string; nameEn: string }[];
}

export async function listInitiatives(filters: InitiativeFilters): Promise<InitiativeListItem[]> {
  const where: Prisma.InitiativeWhereInput = {};
  if (filters.status) where.status = filters.status;
  if (filters.theme) where.themes = { some: { theme: filters.theme } };
  if (filters.q) {
    // Prisma's `contains` does not escape LIKE wildcards on SQLite, so «%» would match everything.
    const matches = await prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM Initiative WHERE searchText LIKE ${likePattern(filters.q)} ESCAPE '\\'`;
    where.id = { in: matches.map((match) => Number(match.id)) };
  }
  if (filters.country) {
    where.OR = [
      { proposerCountryCode: filters.country },
      { participations: { some: { countryCode: filters.country } } },
    ];
  }
  const rows = await prisma.initiative.findMany({
    where,
    orderBy: [{ titleRu: "asc" }],
    select: {
      slug: true,
      titleRu: true,
      titleEn: true,
      status: true,
      stage: true,
      themes: { select: { theme: true }, orderBy: { theme: "asc" } },
      proposerCountry: { select: { code: true, nameRu: true, nameEn: true } },
      participations: {
        select: { country: { select: { code: true, nameRu: true, nameEn: true } } },
        orderBy: { countryCode: "asc" },
      },
    },
  });
  return rows.map((row) => ({
      slug: row.slug,
      titleRu: row.titleRu,
      titleEn: row.titleEn,
      status: row.status,
      stage: row.stage,
      themes: row.themes.map((t) => t.theme),
      proposer: row.proposerCountry,
      countries: row.participations.map((p) => p.country),
    }));
}
