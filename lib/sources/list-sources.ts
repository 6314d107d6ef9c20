import "server-only";
import { z } from "zod";
import { dayToDate } from "../dates";
import type { Db } from "../db/types";
import { sourceKindSchema, sourceLanguageSchema, type SourceKind } from "../domain/vocabulary";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export interface SourceOption {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedOn: Date | null;
  language: string;
}

export async function listSources(prisma: PrismaClient): Promise<SourceOption[]> {
  return prisma.source.findMany({ select: { id: true, title: true, outlet: true, publishedOn: true, language: true }, orderBy: { id: "asc" } });
}

const day = z.iso.date().refine((value) => value >= "1991-01-01" && value <= "2100-12-31");

/** The /sources filters (also the API's): each optional; an unknown value is an error, not "all". */
export const sourceFilterSchema = z.object({
  outlet: z.string().trim().min(1).max(200).optional(),
  kind: sourceKindSchema.optional(),
  language: sourceLanguageSchema.optional(),
  from: day.optional(),
  to: day.optional(),
});

export type SourceFilters = z.infer<typeof sourceFilterSchema>;

export interface SourceListRow {
  id: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  kind: SourceKind | null;
  language: string;
  publishedOn: Date | null;
  sha256: string;
  quoteCount: number;
  createdAt: Date;
}

export interface SourceList {
  rows: SourceListRow[];
  /** Every outlet named by a source, for the filter's options. */
  outlets: string[];
}

/** The filters as a query condition (shared by the page and the API). */
export function sourceWhere(filters: SourceFilters): Prisma.SourceWhereInput {
  return {
    ...(filters.outlet ? { outlet: filters.outlet } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.from || filters.to
      ? {
          publishedOn: {
            ...(filters.from ? { gte: dayToDate(filters.from) } : {}),
            ...(filters.to ? { lte: dayToDate(filters.to) } : {}),
          },
        }
      : {}),
  };
}

/** Sources matching the filters, newest publication first (unknown dates last), with quote counts. */
export async function listSourcePage(db: Db, filters: SourceFilters): Promise<SourceList> {
  const where = sourceWhere(filters);
  const [rows, outlets] = await Promise.all([
    db.source.findMany({
      where,
      orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      select: {
        id: true,
        title: true,
        outlet: true,
        url: true,
        kind: true,
        language: true,
        publishedOn: true,
        sha256: true,
        createdAt: true,
        _count: { select: { quotes: true } },
      },
    }),
    db.source.findMany({ where: { outlet: { not: null } }, distinct: ["outlet"], select: { outlet: true }, orderBy: { outlet: "asc" } }),
  ]);
  return {
    rows: rows.map(({ _count, ...row }) => ({ ...row, quoteCount: _count.quotes })),
    outlets: outlets.map((row) => row.outlet!).filter(Boolean),
  };
}
