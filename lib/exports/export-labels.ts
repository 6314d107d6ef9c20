import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { loadMessages } from "../i18n/load-messages";
import type { Locale } from "../i18n/routing";

/** Which vocabulary each coded column's values come from (lib/domain/vocabulary.ts, countries). */
const LABELLED: Record<"initiatives" | "history", Record<string, "meetingRelation" | "kind" | "status" | "stage" | "theme" | "historyKind" | "country">> = {
  initiatives: {
    meeting_relation: "meetingRelation",
    kind: "kind",
    status: "status",
    stage: "stage",
    themes: "theme",
    proposer_country: "country",
    countries: "country",
  },
  history: {
    initiative_meeting_relation: "meetingRelation",
    kind: "historyKind",
    from_status: "status",
    to_status: "status",
    from_stage: "stage",
    to_stage: "stage",
  },
};

type Row = Record<string, unknown>;

/**
 * `?labels=ru|en`: the same rows with words instead of codes in the coded columns (statuses,
 * stages, themes, kinds, relations, countries' names), from the interface's own messages, so a
 * spreadsheet reads as the pages do. Column names stay the stable codes of docs/exports.md.
 */
export async function exportLabeller(prisma: PrismaClient, file: "initiatives" | "history", locale: Locale): Promise<(row: Row) => Row> {
  const [messages, countries] = await Promise.all([
    loadMessages(locale) as Promise<Record<string, Record<string, unknown>>>,
    prisma.country.findMany({ select: { code: true, nameRu: true, nameEn: true } }),
  ]);
  const countryNames = new Map(countries.map((country) => [country.code, locale === "en" ? country.nameEn : country.nameRu]));
  const vocabulary = {
    meetingRelation: messages.meetingRelation,
    kind: messages.kind,
    status: messages.status,
    stage: messages.stage,
    theme: messages.theme,
    historyKind: (messages.history as Record<string, Record<string, unknown>>).kind,
  } as Record<string, Record<string, unknown> | undefined>;
  const word = (source: string, code: string): string => {
    const found = source === "country" ? countryNames.get(code) : vocabulary[source]?.[code];
    // A code the messages do not name stays a code rather than becoming blank.
    return typeof found === "string" ? found : code;
  };
  const columns = Object.entries(LABELLED[file]);
  return (row) => {
    const labelled = { ...row };
    for (const [column, source] of columns) {
      const value = row[column];
      if (typeof value === "string") labelled[column] = word(source, value);
      else if (Array.isArray(value)) labelled[column] = value.map((item) => (typeof item === "string" ? word(source, item) : item));
    }
    return labelled;
  };
}

/** The pages of rows, each row passed through `label`. */
export async function* labelPages(pages: AsyncIterable<Row[]>, label: (row: Row) => Row): AsyncGenerator<Row[]> {
  for await (const rows of pages) yield rows.map(label);
}
