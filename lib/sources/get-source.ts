import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { SourceKind } from "../domain/vocabulary";
import { listRecordHistory, type RecordHistoryView } from "../records/record-history";
import { paragraphSegments, type Paragraph } from "./quote-context";

export interface QuotedSpan {
  id: number;
  start: number;
  end: number;
  initiative: { slug: string; titleRu: string; titleEn: string } | null;
}

export interface SourceView {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedOn: Date | null;
  /** The date is a metadata line above the text, not a printed dateline. */
  dateFromMetadata: boolean;
  language: string;
  url: string | null;
  kind: SourceKind | null;
  version: number;
  file: { name: string; mediaType: string; size: number; sha256: string } | null;
  sha256: string;
  length: number;
  history: RecordHistoryView[];
  quoteCount: number;
  initiatives: { slug: string; titleRu: string; titleEn: string }[];
  /** The text line by line (each line is a passage search can link to), cut at its quotes. */
  paragraphs: Paragraph<QuotedSpan>[];
}

export async function getSource(prisma: PrismaClient, id: number): Promise<SourceView | null> {
  const row = await prisma.source.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      outlet: true,
      publishedOn: true,
      dateFromMetadata: true,
      language: true,
      url: true,
      kind: true,
      version: true,
      file: { select: { name: true, mediaType: true, size: true, sha256: true } },
      sha256: true,
      text: true,
      quotes: {
        select: { id: true, start: true, end: true, initiative: { select: { slug: true, titleRu: true, titleEn: true } } },
        orderBy: { start: "asc" },
      },
    },
  });
  if (!row) return null;
  const initiatives = new Map<string, { slug: string; titleRu: string; titleEn: string }>();
  for (const quote of row.quotes) if (quote.initiative) initiatives.set(quote.initiative.slug, quote.initiative);
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    publishedOn: row.publishedOn,
    dateFromMetadata: row.dateFromMetadata,
    language: row.language,
    url: row.url,
    kind: row.kind,
    version: row.version,
    file: row.file,
    sha256: row.sha256,
    length: row.text.length,
    history: await listRecordHistory(prisma, "source", row.id),
    quoteCount: row.quotes.length,
    initiatives: [...initiatives.values()],
    paragraphs: paragraphSegments(row.text, row.quotes),
  };
}
