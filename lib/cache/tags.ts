import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/types";
import { parseFieldPath, type FieldChange } from "../history/field-changes";

/**
 * Cache tags (docs/decisions/016-public-caching.md). Every cached read carries the tags of what
 * it shows; every write expires the tags of what it changed, so a status change re-reads its
 * initiative, its countries, its themes and the lists, and nothing else.
 *
 * No `server-only` and no Next import: the write functions compute their tags inside their
 * transaction and tests check them directly.
 */
export const TAG = {
  /** Carried by every entry: expiring it empties the whole data cache (a write that states no tags). */
  all: "tracker-data",
  /** Lists and aggregates over initiatives: the list, facets, search, dashboard counts, charts, matrix. */
  initiatives: "list:initiatives",
  /** Lists of history entries across initiatives: /changes, the history feed, recent changes, search notes. */
  history: "list:history",
  /** Figures and their readings across initiatives: /targets, the dashboard's targets. */
  metrics: "list:metrics",
  /** The list of sources (titles, outlets, quote counts). */
  sources: "list:sources",
  /** The list of events (names, places, dates). */
  events: "list:events",
  /** Countries' names and membership. */
  countries: "list:countries",
  /** Editors' country scores across initiatives: the scorecards' averages per country and theme. */
  scores: "list:scores",
  initiative: (slug: string) => `initiative:${slug}`,
  source: (id: number) => `source:${id}`,
  event: (slug: string) => `event:${slug}`,
  /** One figure's history (its page and feed). */
  metric: (slug: string) => `metric:${slug}`,
  country: (code: string) => `country:${code.toUpperCase()}`,
  theme: (theme: string) => `theme:${theme}`,
  /** One country's scorecard (its scores, their history). */
  scorecard: (code: string) => `scorecard:${code.toUpperCase()}`,
} as const;

/** Fields whose change shows on the pages of the sources that quote the initiative. */
const SHOWN_ON_SOURCES = new Set(["titleRu", "titleEn"]);
const SHOWN_ON_FIGURE_FEEDS = new Set(["titleRu", "titleEn", "meetingRelation"]);

/**
 * The tags an applied change to one initiative expires: its page and feed, the pages and feeds of
 * its countries and themes (as they are after the change, plus those it had before: the given
 * themes and any country a field change names), the sources quoting it when its title changed,
 * the figures list when it has figures, and the lists. Run inside the write's transaction, after the write.
 */
export async function initiativeChangeTags(
  tx: Db,
  initiative: { id: number; themes?: { theme: string }[] },
  changes: readonly FieldChange[],
  extra: readonly string[] = [],
): Promise<string[]> {
  // One round trip for what the tags name: the slug, the proposer, participating countries, themes, figures.
  const rows = await tx.$queryRaw<{ k: string; v: string | null }[]>`
    SELECT 'slug' AS k, i."slug" AS v FROM "Initiative" i WHERE i."id" = ${initiative.id}
    UNION ALL SELECT 'country', i."proposerCountryCode" FROM "Initiative" i WHERE i."id" = ${initiative.id} AND i."proposerCountryCode" IS NOT NULL
    UNION ALL SELECT 'country', p."countryCode" FROM "Participation" p WHERE p."initiativeId" = ${initiative.id}
    UNION ALL SELECT 'theme', CAST(t."theme" AS TEXT) FROM "InitiativeTheme" t WHERE t."initiativeId" = ${initiative.id}
    UNION ALL SELECT 'metric', m."slug" FROM "Metric" m WHERE m."initiativeId" = ${initiative.id}`;
  const slug = rows.find((row) => row.k === "slug")?.v;
  if (!slug) throw new Error(`No initiative ${initiative.id}.`);
  const tags = new Set<string>([TAG.initiative(slug), TAG.initiatives, TAG.history, ...extra]);
  const countries = new Set(rows.filter((row) => row.k === "country").map((row) => row.v!));
  for (const change of changes) {
    const named = /^country\.([A-Z]{2})\./.exec(change.field);
    if (named) countries.add(named[1]!);
    // A reading or target change is an entry of that figure's own history too.
    const figure = parseFieldPath(change.field);
    if (figure.kind === "metric") tags.add(TAG.metric(figure.slug));
  }
  for (const code of countries) tags.add(TAG.country(code));
  // The figures list shows each figure's initiative with its title and status.
  if (rows.some((row) => row.k === "metric")) tags.add(TAG.metrics);
  // Each figure's feed titles its initiative's entries with the initiative's title and relation.
  if (changes.some((change) => SHOWN_ON_FIGURE_FEEDS.has(change.field))) for (const row of rows) if (row.k === "metric") tags.add(TAG.metric(row.v!));
  for (const theme of [...rows.filter((row) => row.k === "theme").map((row) => row.v!), ...(initiative.themes ?? []).map((t) => t.theme)])
    tags.add(TAG.theme(theme));
  if (changes.some((change) => SHOWN_ON_SOURCES.has(change.field))) {
    const quoted = await tx.quote.findMany({ where: { initiativeId: initiative.id }, distinct: ["sourceId"], select: { sourceId: true } });
    for (const { sourceId } of quoted) tags.add(TAG.source(sourceId));
    tags.add(TAG.sources);
  }
  return [...tags].sort();
}

/**
 * initiativeChangeTags for many initiatives at once (the bulk import's status changes and readings:
 * changes that name no country and no title, and leave the themes as they are), 500 a query.
 */
export async function initiativesChangeTags(tx: Db, initiativeIds: readonly number[]): Promise<string[]> {
  const tags = new Set<string>();
  for (let from = 0; from < initiativeIds.length; from += 500) {
    const ids = Prisma.join(initiativeIds.slice(from, from + 500));
    const rows = await tx.$queryRaw<{ k: string; v: string | null }[]>`
      SELECT 'slug' AS k, i."slug" AS v FROM "Initiative" i WHERE i."id" IN (${ids})
      UNION ALL SELECT 'country', i."proposerCountryCode" FROM "Initiative" i WHERE i."id" IN (${ids}) AND i."proposerCountryCode" IS NOT NULL
      UNION ALL SELECT 'country', p."countryCode" FROM "Participation" p WHERE p."initiativeId" IN (${ids})
      UNION ALL SELECT 'theme', CAST(t."theme" AS TEXT) FROM "InitiativeTheme" t WHERE t."initiativeId" IN (${ids})
      UNION ALL SELECT 'metric', m."slug" FROM "Metric" m WHERE m."initiativeId" IN (${ids})`;
    for (const { k, v } of rows) {
      if (k === "slug") tags.add(TAG.initiative(v!));
      else if (k === "country") tags.add(TAG.country(v!));
      else if (k === "theme") tags.add(TAG.theme(v!));
      else {
        // A reading is an entry of its figure's feed; the import does not say which figure, so all of theirs.
        tags.add(TAG.metrics);
        tags.add(TAG.metric(v!));
      }
    }
  }
  if (tags.size) [TAG.initiatives, TAG.history].forEach((tag) => tags.add(tag));
  return [...tags].sort();
}
