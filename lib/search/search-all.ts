import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { SearchKind } from "./search-index";
import { searchSql } from "./search-sql";
import { queryStems, snippet, type HighlightPart, type QueryTerm } from "./stem";

export interface SearchHit {
  kind: SearchKind;
  refId: number;
  /** Highlighted text around the match, in the language it was written in. */
  parts: HighlightPart[];
  /** For initiatives: the highlighted Russian and English titles. */
  titleRu?: HighlightPart[];
  titleEn?: HighlightPart[];
  initiative: { slug: string; titleRu: string; titleEn: string } | null;
  source: { id: number; title: string | null; outlet: string | null } | null;
  /** Where a quote or passage starts in its source, for the link to it. */
  quoteId?: number;
  entryId?: number;
}

export interface SearchResults {
  terms: QueryTerm[];
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

interface Row {
  kind: SearchKind;
  refId: number | bigint;
  initiativeId: number | bigint | null;
  pos: number | bigint;
}

/** Every kind of text the tracker holds, best matches first (title hits weigh ten times more). */
export async function searchAll(prisma: PrismaClient, query: string, page = 1, pageSize = 20): Promise<SearchResults> {
  const terms = queryStems(query);
  if (terms.length === 0) return { terms, total: 0, page, pageSize, hits: [] };
  const { matches, score } = searchSql(prisma);
  const [count] = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchIndex" WHERE ${matches(terms)}`;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT "kind", "refId", "initiativeId", "pos" FROM "SearchIndex" WHERE ${matches(terms)}
    ORDER BY ${score(terms)} ASC, "kind", "refId" LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return { terms, total: Number(count?.n ?? 0), page, pageSize, hits: await hydrate(prisma, rows, terms) };
}

/** For a page of initiatives (by slug): the best-matching quote or note of each, to show why it matched. */
export async function matchedPassages(prisma: PrismaClient, query: string, slugs: string[]): Promise<Map<string, SearchHit>> {
  const terms = queryStems(query);
  const found = new Map<string, SearchHit>();
  if (terms.length === 0 || slugs.length === 0) return found;
  const initiativeIds = (await prisma.initiative.findMany({ where: { slug: { in: slugs }, mergedIntoId: null }, select: { id: true } })).map((row) => row.id);
  if (initiativeIds.length === 0) return found;
  const { matches, score } = searchSql(prisma);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT "kind", "refId", "initiativeId", "pos" FROM "SearchIndex" WHERE ${matches(terms)}
      AND "kind" IN ('quote', 'note') AND "initiativeId" IN (${Prisma.join(initiativeIds)})
    ORDER BY ${score(terms)} ASC, "kind", "refId"`;
  const best = new Map<number, Row>();
  for (const row of rows) if (row.initiativeId !== null && !best.has(Number(row.initiativeId))) best.set(Number(row.initiativeId), row);
  const hits = await hydrate(prisma, [...best.values()], terms);
  for (const hit of hits) if (hit.initiative) found.set(hit.initiative.slug, hit);
  return found;
}

/** Loads the original (unstemmed) text of each hit, in a handful of queries, and highlights it. */
async function hydrate(prisma: PrismaClient, rows: Row[], terms: QueryTerm[]): Promise<SearchHit[]> {
  const ids = (kind: SearchKind) => rows.filter((row) => row.kind === kind).map((row) => Number(row.refId));
  const initiativeSelect = { slug: true, titleRu: true, titleEn: true } as const;
  const [initiatives, quotes, notes, sources] = await Promise.all([
    prisma.initiative.findMany({ where: { id: { in: ids("initiative") } }, select: { id: true, summaryRu: true, summaryEn: true, ...initiativeSelect } }),
    prisma.quote.findMany({
      where: { id: { in: ids("quote") } },
      select: { id: true, text: true, initiative: { select: initiativeSelect }, source: { select: { id: true, title: true, outlet: true } } },
    }),
    prisma.historyEntry.findMany({ where: { id: { in: ids("note") } }, select: { id: true, note: true, overrideNote: true, initiative: { select: initiativeSelect } } }),
    prisma.source.findMany({ where: { id: { in: ids("passage") } }, select: { id: true, title: true, outlet: true, text: true } }),
  ]);
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
  const [initiativeMap, quoteMap, noteMap, sourceMap] = [byId(initiatives), byId(quotes), byId(notes), byId(sources)];

  return rows.flatMap((row): SearchHit[] => {
    const refId = Number(row.refId);
    if (row.kind === "initiative") {
      const item = initiativeMap.get(refId);
      if (!item) return [];
      const { id: _id, summaryRu, summaryEn, ...initiative } = item;
      const summary = snippet(summaryRu, terms).some((part) => part.match) ? summaryRu : summaryEn;
      return [
        {
          kind: row.kind,
          refId,
          parts: snippet(summary, terms),
          titleRu: snippet(initiative.titleRu, terms, 400),
          titleEn: snippet(initiative.titleEn, terms, 400),
          initiative,
          source: null,
        },
      ];
    }
    if (row.kind === "quote") {
      const quote = quoteMap.get(refId);
      return quote ? [{ kind: row.kind, refId, parts: snippet(quote.text, terms), initiative: quote.initiative, source: quote.source, quoteId: quote.id }] : [];
    }
    if (row.kind === "note") {
      const entry = noteMap.get(refId);
      const text = entry ? [entry.note, entry.overrideNote].filter(Boolean).join(" — ") : "";
      return entry ? [{ kind: row.kind, refId, parts: snippet(text, terms), initiative: entry.initiative, source: null, entryId: entry.id }] : [];
    }
    const source = sourceMap.get(refId);
    if (!source) return [];
    const pos = Number(row.pos);
    const end = source.text.indexOf("\n", pos);
    const paragraph = source.text.slice(pos, end < 0 ? undefined : end);
    return [{ kind: row.kind, refId, parts: snippet(paragraph, terms), initiative: null, source: { id: source.id, title: source.title, outlet: source.outlet } }];
  });
}
