import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { CountryRole, InitiativeStatus, Stage } from "../domain/vocabulary";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "../metrics/metric-view";
import { COUNTRY_NAME_SELECT, INITIATIVE_NAME_SELECT } from "../initiatives/initiative-select";

/** How many initiatives one comparison shows side by side. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface ComparedInitiative {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  stage: Stage | null;
  countries: { code: string; nameRu: string; nameEn: string; role: CountryRole; stage: Stage | null }[];
  metrics: MetricView[];
  /** The newest history entry: when it was recorded, what it changed and why; null without history. */
  lastChange: { recordedAt: Date; effectiveOn: Date | null; note: string; toStatus: InitiativeStatus | null; toStage: Stage | null } | null;
}

/**
 * The `i` parameters of /compare: distinct slugs in the order given, at most COMPARE_MAX (the
 * rest are reported as dropped so the page can say so, never silently).
 */
export function parseCompareSlugs(raw: string | string[] | undefined): { slugs: string[]; dropped: number } {
  const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((value) => value.trim()).filter(Boolean);
  const slugs = [...new Set(values)];
  return { slugs: slugs.slice(0, COMPARE_MAX), dropped: Math.max(0, slugs.length - COMPARE_MAX) };
}

/** The initiatives to compare, in the order asked; `missing` names slugs that match none. */
export async function compareInitiatives(prisma: PrismaClient, slugs: string[]): Promise<{ items: ComparedInitiative[]; missing: string[] }> {
  const rows = await prisma.initiative.findMany({
    where: { slug: { in: slugs } },
    select: {
      ...INITIATIVE_NAME_SELECT,
      status: true,
      stage: true,
      participations: {
        select: { role: true, stage: true, country: { select: COUNTRY_NAME_SELECT } },
        orderBy: { countryCode: "asc" },
      },
      metrics: { select: METRIC_VIEW_SELECT, orderBy: { slug: "asc" } },
      history: {
        select: { recordedAt: true, effectiveOn: true, note: true, toStatus: true, toStage: true },
        orderBy: { version: "desc" },
        take: 1,
      },
    },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const items: ComparedInitiative[] = [];
  const missing: string[] = [];
  for (const slug of slugs) {
    const row = bySlug.get(slug);
    if (!row) {
      missing.push(slug);
      continue;
    }
    items.push({
      slug: row.slug,
      titleRu: row.titleRu,
      titleEn: row.titleEn,
      status: row.status,
      stage: row.stage,
      countries: row.participations.map((p) => ({ ...p.country, role: p.role, stage: p.stage })),
      metrics: row.metrics.map(toMetricView),
      lastChange: row.history[0] ?? null,
    });
  }
  return { items, missing };
}

/** Every initiative's slug and titles, for the picker on /compare. */
export async function listCompareChoices(prisma: PrismaClient): Promise<{ slug: string; titleRu: string; titleEn: string }[]> {
  return prisma.initiative.findMany({ select: { slug: true, titleRu: true, titleEn: true }, orderBy: { slug: "asc" } });
}
