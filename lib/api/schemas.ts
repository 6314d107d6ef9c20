import { z } from "zod";
import {
  COUNTRY_ROLES,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  MEETING_RELATIONS,
  SPEAKER_KINDS,
  SOURCE_KINDS,
  SOURCE_LANGUAGES,
  STAGES,
  THEMES,
} from "../domain/vocabulary";
import { FACETS, SORTS, countryCodeSchema, initiativeQuerySchema } from "../initiatives/query-initiatives";
import { dayToDate } from "../dates";
import { LOCALES } from "../i18n/routing";

/**
 * The public API's parameters and responses, in zod. lib/api/openapi.ts turns the response
 * schemas registered in `apiSchemas` into the OpenAPI document's components (JSON Schema
 * 2020-12), and lib/api/serialize.ts produces exactly these shapes (dates as ISO strings).
 */

/**
 * Every schema registered here is emitted as `#/components/schemas/<id>`. A registry of our own,
 * not zod's global one, so that the ids cannot collide with anyone else's (or with themselves on
 * a dev server's hot reload). Descriptions go through `.describe()`, i.e. the global registry.
 */
export const apiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  const described = schema.describe(description) as T;
  apiSchemas.add(described, { id });
  return described;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (separate instances from lib/domain/vocabulary, so naming them here changes nothing
// for anyone else; the values are the same constants).

export const statusSchema = named(z.enum(INITIATIVE_STATUSES), "InitiativeStatus", "Where an initiative stands overall.");
export const stageValueSchema = named(z.enum(STAGES), "Stage", "The formal stage of a document or project, overall or for one country.");
export const kindSchema = named(z.enum(INITIATIVE_KINDS), "InitiativeKind", "What kind of initiative it is.");
export const themeValueSchema = named(z.enum(THEMES), "Theme", "A policy theme.");
export const roleSchema = named(z.enum(COUNTRY_ROLES), "CountryRole", "A country's role in an initiative.");
export const meetingRelationValueSchema = named(
  z.enum(MEETING_RELATIONS),
  "MeetingRelation",
  "What an initiative is to the event it is filed under: outcome (decided, signed or proposed there), welcomed (concluded elsewhere or at an unstated occasion, welcomed there), bilateral_visit (reported from a state visit), background (an example the author gives). Only outcomes are the meeting's own results.",
);
export const speakerKindSchema = named(z.enum(SPEAKER_KINDS), "SpeakerKind", "Who says a quote: narrator (the outlet itself), official, or expert.");
export const HISTORY_KINDS = ["status_change", "edit", "verification"] as const;
export const historyKindSchema = named(z.enum(HISTORY_KINDS), "HistoryKind", "What a history entry records.");

const day = z.iso.date().describe("A calendar day, YYYY-MM-DD (UTC).");
const instant = z.iso.datetime().describe("An instant, ISO 8601 in UTC (e.g. 2025-11-17T09:30:00.000Z).");
const nullableDay = day.nullable();
const nullableInstant = instant.nullable();
const count = z.int().min(0);

// ---------------------------------------------------------------------------------------------
// Errors

export const errorSchema = named(
  z.object({
    error: z.string().describe("What went wrong, in English."),
    details: z
      .array(
        z.object({
          parameter: z.string().describe("The query or path parameter at fault."),
          message: z.string().describe("What is wrong with it."),
        }),
      )
      .describe("One item per faulty parameter; empty when no single parameter is at fault."),
  }),
  "Error",
  "Every error response (400, 404, 405, 500) has this body.",
);

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const countryRefSchema = named(
  z.object({
    code: z.string().describe("ISO 3166-1 alpha-2 code (EU for the European Union)."),
    nameRu: z.string(),
    nameEn: z.string(),
  }),
  "CountryRef",
  "A country named in an initiative.",
);

export const initiativeRefSchema = named(
  z.object({ slug: z.string(), titleRu: z.string(), titleEn: z.string() }),
  "InitiativeRef",
  "An initiative, by slug and titles.",
);

export const quoteRefSchema = named(
  z.object({
    id: z.int().min(1),
    sourceId: z.int().min(1),
    text: z.string().describe("The verbatim quoted text (Russian, as written)."),
  }),
  "QuoteRef",
  "A verbatim quote from a source.",
);

export const historyEntrySchema = named(
  z.object({
    id: z.int().min(1),
    version: z.int().min(1).describe("The initiative's version after this entry (1, 2, 3… without gaps)."),
    kind: historyKindSchema,
    recordedAt: instant,
    effectiveOn: nullableDay.describe("When the change took effect; null when the sources do not say."),
    fromStatus: statusSchema.nullable(),
    toStatus: statusSchema.nullable(),
    fromStage: stageValueSchema.nullable(),
    toStage: stageValueSchema.nullable(),
    changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })).describe("Field-by-field diff."),
    note: z.string().describe("Why the change was made."),
    overrideNote: z.string().nullable().describe("Why a transition outside the allowed table was made anyway."),
    authorName: z.string().nullable().describe("The author's display name; null for entries imported from the source articles."),
    reviewerName: z.string().nullable().describe("Who approved it, when it went through second-person review."),
    correctsId: z.int().min(1).nullable().describe("The earlier entry this one corrects."),
    evidenceUrl: z.string().nullable(),
    evidenceTitle: z.string().nullable(),
    evidenceDate: nullableDay,
    quote: quoteRefSchema.nullable().describe("The quote given as evidence, if any."),
    initiative: initiativeRefSchema,
  }),
  "HistoryEntry",
  "One entry of an initiative's append-only history. Never contains e-mails or user ids.",
);

export const metricSchema = named(
  z.object({
    slug: z.string(),
    initiativeSlug: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
    unitRu: z.string(),
    unitEn: z.string(),
    baseline: z
      .object({
        value: z.number(),
        text: z.string().nullable().describe("The figure as the source writes it."),
        period: z.string().nullable(),
        quoteId: z.int().min(1).nullable(),
      })
      .nullable(),
    target: z
      .object({
        value: z.number(),
        text: z.string().nullable(),
        dateText: z.string().nullable().describe("The target date as the source states it."),
        date: nullableDay,
        quoteId: z.int().min(1).nullable(),
      })
      .nullable(),
    readings: z.array(
      z.object({
        value: z.number(),
        text: z.string().nullable(),
        observedOn: nullableDay,
        observedText: z.string().nullable(),
        quoteId: z.int().min(1).nullable(),
      }),
    ),
  }),
  "Metric",
  "A quantitative figure or target with its baseline and dated readings.",
);

// ---------------------------------------------------------------------------------------------
// Initiatives

/** What the list and the detail both say of an initiative, in this order. */
const initiativeCoreFields = {
  slug: z.string(),
  titleRu: z.string(),
  titleEn: z.string(),
  summaryRu: z.string(),
  summaryEn: z.string(),
  kind: kindSchema,
  status: statusSchema,
  stage: stageValueSchema.nullable(),
  meetingRelation: meetingRelationValueSchema,
};

export const initiativeSummarySchema = named(
  z.object({
    ...initiativeCoreFields,
    themes: z.array(themeValueSchema),
    proposer: countryRefSchema.nullable(),
    countries: z.array(countryRefSchema).describe("The participating countries."),
    updatedAt: instant,
    matchedWords: count
      .optional()
      .describe("Only with q: how many of the query's words (or their synonyms) the initiative matches; those matching all of them come first."),
  }),
  "InitiativeSummary",
  "An initiative as listed.",
);

const facetValuesSchema = z.array(z.object({ value: z.string(), count }));

export const facetsSchema = named(
  z.object(Object.fromEntries(FACETS.map((facet) => [facet, facetValuesSchema])) as Record<(typeof FACETS)[number], typeof facetValuesSchema>),
  "Facets",
  "For every filter, how many initiatives each value would give with all the other filters applied.",
);

const linksSchema = z.object({
  self: z.url().describe("This page."),
  next: z.url().optional().describe("The next page, when there is one."),
  prev: z.url().optional().describe("The previous page, when there is one."),
});

export const initiativeListSchema = named(
  z.object({
    data: z.array(initiativeSummarySchema),
    meta: z.object({
      total: count.describe("Initiatives matching the filters, across all pages."),
      page: z.int().min(1),
      pageSize: z.int().min(1),
      pageCount: z.int().min(1),
      sort: z.enum(SORTS),
      facets: facetsSchema.optional().describe("Only with facets=true."),
      search: z
        .object({
          words: count.describe("The query's words, a synonym phrase counting as one."),
          allWordsMatched: count.describe("How many of `total` match every word; the others match some."),
          suggestion: z.string().nullable().describe("When nothing matches: the query with its unknown words corrected from the indexed vocabulary."),
        })
        .optional()
        .describe("Only with q."),
    }),
    links: linksSchema,
  }),
  "InitiativeList",
  "A page of initiatives.",
);

export const initiativeDetailSchema = named(
  z.object({
    ...initiativeCoreFields,
    signatoriesUnnamed: z.boolean().describe("A signed document whose text does not list its signatories (so participations are not the signatories)."),
    statusRestsOnExperts: z.boolean().describe("Every quote of the initiative is an expert's: no official or the outlet itself states the status."),
    themes: z.array(themeValueSchema),
    event: z.object({
      nameRu: z.string(),
      nameEn: z.string(),
      placeRu: z.string().nullable(),
      placeEn: z.string().nullable(),
      dateText: z.string().nullable().describe("The date exactly as a source states it."),
      attendance: z.array(countryRefSchema).describe("The countries the texts say took part in the event."),
    }),
    proposerCountry: countryRefSchema.nullable(),
    proposerPerson: z.object({ nameRu: z.string(), nameEn: z.string(), descriptionRu: z.string(), descriptionEn: z.string() }).nullable(),
    announcedOn: nullableDay,
    firstReportedOn: nullableDay.describe("The earliest publication date among the sources that report it."),
    targetDate: nullableDay,
    targetDateText: z.string().nullable().describe("The target date as a source states it, when it is not a calendar date."),
    lastVerifiedOn: nullableInstant.describe("When an editor last checked it against its sources."),
    version: z.int().min(1),
    participations: z.array(
      z.object({
        code: z.string(),
        nameRu: z.string(),
        nameEn: z.string(),
        member: z.boolean().describe("Whether the country is a member of the format."),
        role: roleSchema,
        stage: stageValueSchema.nullable().describe("The country's own stage."),
      }),
    ),
    evidence: z
      .array(
        z.object({
          id: z.int().min(1).describe("The quote's id."),
          sourceId: z.int().min(1),
          sourceTitle: z.string().nullable(),
          sourceOutlet: z.string().nullable(),
          sourcePublishedOn: nullableDay,
          before: z.string().describe("The text of the sentence before the quote."),
          quote: z.string().describe("The verbatim quote (Russian, as written)."),
          after: z.string().describe("The text of the sentence after the quote."),
          speaker: z
            .object({
              kind: speakerKindSchema,
              nameRu: z.string(),
              nameEn: z.string(),
              attribution: z.string().nullable().describe("The attribution phrase as written (Russian)."),
            })
            .nullable()
            .describe("Who says it, when not the narrator (the outlet itself); null means the outlet's own words."),
        }),
      )
      .describe("Every passage of the sources that reports the initiative, in its sentence."),
    metrics: z.array(metricSchema),
    history: z.array(historyEntrySchema).describe("The full history, newest first."),
  }),
  "Initiative",
  "One initiative with its evidence, figures and history.",
);

export const initiativeResponseSchema = named(z.object({ data: initiativeDetailSchema }), "InitiativeResponse", "One initiative.");

// ---------------------------------------------------------------------------------------------
// Sources

const sourceFields = {
  id: z.int().min(1),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedOn: nullableDay,
  language: z.string().describe("ISO 639-1 code of the text's language."),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 of the text, hex."),
  url: z.string().nullable().describe("Where it was published (http or https), when known."),
  kind: z.enum(SOURCE_KINDS).nullable().describe("news_report, official_statement, document_text or analysis; null when not stated."),
  version: z.int().min(1).describe("1 when added, +1 for every correction of its details (the text never changes)."),
  file: z
    .object({
      name: z.string(),
      mediaType: z.string().describe("The type read from the file's content."),
      size: count.describe("Bytes."),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe("SHA-256 of the file's bytes, hex."),
    })
    .nullable()
    .describe("The uploaded file the text was extracted from; null for pasted text and the seed's articles."),
  quoteCount: count,
};

const recordHistoryEntrySchema = z.object({
  version: z.int().min(1),
  action: z.enum(["created", "corrected"]),
  recordedAt: z.string().describe("ISO 8601 date-time."),
  author: z.string().nullable().describe("Display name of the editor."),
  note: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});

export const sourceSummarySchema = named(z.object(sourceFields), "SourceSummary", "A source as listed (without its text).");

export const sourceDetailSchema = named(
  z.object({
    ...sourceFields,
    text: z.string().describe("The full text exactly as received."),
    quotes: z.array(
      z.object({
        id: z.int().min(1),
        start: count.describe("Start offset in `text` (inclusive, UTF-16 code units)."),
        end: count.describe("End offset in `text` (exclusive)."),
        text: z.string().describe("Equals text.slice(start, end)."),
        initiativeSlug: z.string().nullable(),
      }),
    ),
    history: z.array(recordHistoryEntrySchema).describe("Who added the source and every correction of its details, newest first."),
  }),
  "Source",
  "One source with its full text and every quoted span.",
);

export const sourceListSchema = named(z.object({ data: z.array(sourceSummarySchema) }), "SourceList", "Every source.");
export const sourceResponseSchema = named(z.object({ data: sourceDetailSchema }), "SourceResponse", "One source.");

// ---------------------------------------------------------------------------------------------
// Events

const eventFields = {
  slug: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  placeRu: z.string().nullable(),
  placeEn: z.string().nullable(),
  dateText: z.string().nullable().describe("The date exactly as a source states it; null when unknown."),
};

const eventInitiativeSchema = z.object({ slug: z.string(), titleRu: z.string(), titleEn: z.string(), status: statusSchema });

export const eventSummarySchema = named(
  z.object({
    ...eventFields,
    initiatives: count.describe("Initiatives filed under the event (what ?event= on the list selects)."),
    reannounced: count.describe("Initiatives of other events that a quote says were announced again here."),
  }),
  "EventSummary",
  "An event as listed.",
);

export const eventDetailSchema = named(
  z.object({
    ...eventFields,
    version: z.int().min(1).describe("1 for the seed's events and when added, +1 for every correction."),
    attendance: z.array(countryRefSchema).describe("The countries the texts say took part in the event."),
    initiatives: z.array(eventInitiativeSchema).describe("Initiatives filed under the event."),
    reannounced: z.array(eventInitiativeSchema).describe("Initiatives of other events announced again here."),
    history: z.array(recordHistoryEntrySchema).describe("Who added the event and every correction, newest first."),
  }),
  "Event",
  "One event with its attendees, its initiatives and its history.",
);

export const eventListSchema = named(z.object({ data: z.array(eventSummarySchema) }), "EventList", "Every event, newest first.");
export const eventResponseSchema = named(z.object({ data: eventDetailSchema }), "EventResponse", "One event.");

// ---------------------------------------------------------------------------------------------
// History, countries, metrics

export const historyListSchema = named(
  z.object({
    data: z.array(historyEntrySchema),
    meta: z.object({
      total: count.describe("Entries matching the filters, across all pages."),
      page: z.int().min(1),
      pageSize: z.int().min(1),
      pageCount: z.int().min(1),
    }),
    links: linksSchema,
  }),
  "HistoryList",
  "A page of history entries, newest first.",
);

export const countrySchema = named(
  z.object({
    code: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
    member: z.boolean().describe("Whether the country is a member of the format."),
    initiatives: z.object({
      total: count.describe("Initiatives it proposes or takes part in in any role (what ?country= filters on)."),
      proposer: count.describe("Initiatives it proposes (as the named proposer or as a co-proposer)."),
      participant: count.describe("Initiatives it takes part in as a participant."),
      supporter: count.describe("Initiatives it supports."),
      candidate: count.describe("Initiatives whose subject it is (e.g. its own candidacy), apart from their supporters."),
    }),
  }),
  "Country",
  "A country with how many initiatives it is involved in.",
);

export const countryListSchema = named(z.object({ data: z.array(countrySchema) }), "CountryList", "Every country, members first.");
export const metricListSchema = named(z.object({ data: z.array(metricSchema) }), "MetricList", "Every metric.");
export const metricResponseSchema = named(
  z.object({
    data: metricSchema.extend({
      history: z.array(recordHistoryEntrySchema).describe("Who added the figure and every correction, newest first (none for the seed's figures)."),
      changes: z
        .array(historyEntrySchema)
        .describe(
          "The entries of its initiative's history about this figure (its addition, readings, target date), newest first, including those recorded on a duplicate merged into that initiative. Also an Atom feed: /feeds/targets/<slug>.atom.",
        ),
    }),
  }),
  "MetricResponse",
  "One metric with its history.",
);

// ---------------------------------------------------------------------------------------------
// Parameters

export const LANGS = LOCALES;

/** The list's parameters beyond `initiativeQuerySchema` (removed before `parseQueryStrict`). */
export const initiativeListExtraSchema = z.object({
  lang: z.enum(LANGS).default("ru"),
  facets: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

/**
 * History parameters, of the API's /history and of the history downloads (without `page` and
 * `pageSize`: a download holds every page); `country`, `theme`, `page` and `pageSize` mean what
 * they mean for the list.
 */
export const historyQuerySchema = z.strictObject({
  initiative: z.string().trim().min(1).max(200).optional(),
  country: countryCodeSchema.optional(),
  theme: z.enum(THEMES).optional(),
  since: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: "must be an ISO 8601 date (YYYY-MM-DD) or a date-time with a time zone (e.g. 2025-11-17T09:30:00Z)",
    })
    .transform((value) => (value.length === 10 ? dayToDate(value) : new Date(value)))
    // PostgreSQL has no year 0; nothing in the tracker is that old anyway.
    .refine((date) => date.getUTCFullYear() >= 1, { error: "must be in the year 1 or later" })
    .optional(),
  // What /changes?since= lists; kept as the day, which changedOnOrAfter turns into the filter's instant.
  changedSince: z.iso
    .date({ error: "must be a date (YYYY-MM-DD)" })
    .refine((day) => !day.startsWith("0000"), { error: "must be in the year 1 or later" })
    .optional(),
  page: initiativeQuerySchema.shape.page,
  pageSize: initiativeQuerySchema.shape.pageSize,
});

export type HistoryQuery = z.output<typeof historyQuerySchema>;

/** /sources filters: each optional; an unknown value is a 400, not "all". */
export const sourceQuerySchema = z.strictObject({
  outlet: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
  language: z.enum(SOURCE_LANGUAGES).optional(),
  from: z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).optional(),
  to: z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).optional(),
});

/** Path parameter of /sources/{id}: digits only (no signs, exponents, hex or spaces). */
export const sourceIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, { error: "must be a positive integer" })
  .transform(Number)
  .pipe(z.int().min(1).max(2_147_483_647, { error: "must be at most 2147483647" }));

/** Path parameter of /initiatives/{slug}, /events/{slug} and /metrics/{slug}. */
export const slugSchema = z.string().min(1).max(200);

/** Endpoints without query parameters accept none. */
export const noParamsSchema = z.strictObject({});

/** Descriptions of every parameter, in English, for the OpenAPI document (the docs page translates its own). */
export const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  q: "Full-text search in titles, summaries and quotes, Russian or English (word stems, case-insensitive).",
  relation:
    "Only initiatives with this relation to the meeting; relation=outcome gives the meeting's own results. Several values, comma-separated, select any of them.",
  status: "Only initiatives with this status; several, comma-separated (status=proposed,in_preparation), select any of them.",
  notStatus: "Leaves out initiatives with this status (notStatus=agreed: not yet agreed); several may be comma-separated.",
  stage: "Only initiatives at this stage; several, comma-separated, select any of them.",
  theme: "Only initiatives on this theme; several, comma-separated, select initiatives on any of them.",
  kind: "Only initiatives of this kind; several, comma-separated, select any of them.",
  country:
    "Only initiatives this country (ISO 3166-1 alpha-2, case-insensitive) proposes or takes part in; several, comma-separated (country=KZ,UZ), select initiatives involving any of them.",
  proposer: "Only initiatives this country (ISO 3166-1 alpha-2, case-insensitive) proposes.",
  source: "Only initiatives the source with this id reports.",
  event: "Only initiatives filed under the event with this slug (as in its page address); several may be comma-separated.",
  announcedFrom: "Only initiatives announced on or after this day (YYYY-MM-DD); those whose announcement date is unknown are left out.",
  announcedTo: "Only initiatives announced on or before this day (YYYY-MM-DD); those whose announcement date is unknown are left out.",
  changedFrom:
    "Only initiatives with an editor's change that took effect on or after this day (YYYY-MM-DD; the day it was recorded when it gives none). What was imported from the articles is not a change.",
  changedTo:
    "Only initiatives with an editor's change that took effect on or before this day (YYYY-MM-DD); with changedFrom, one change must fall within both.",
  sort: "Order: relevance (default with q), title (default otherwise), status, updated (newest first).",
  page: "Page number, from 1.",
  pageSize: "Items per page (1–100).",
  lang: "Language of the titles that sort=title orders by.",
  facets: "true adds meta.facets: counts per filter value.",
  initiative: "Only the history of the initiative with this slug.",
  since:
    "Only entries recorded from this day on (YYYY-MM-DD: from its start, midnight UTC, so entries of that day are included), or strictly after this date-time (with a time zone).",
  changedSince:
    "Only editors' changes that took effect on or after this day (YYYY-MM-DD; the day it was recorded when a change gives none), as /changes?since= lists them. What was imported from the articles is not a change.",
  slug: "The initiative's slug, e.g. ai-declaration.",
  id: "The source's numeric id.",
  outlet: "Only sources from this outlet (exact name).",
  language: "Only sources in this language (ISO 639-1).",
  from: "Only sources published on or after this date (YYYY-MM-DD).",
  to: "Only sources published on or before this date (YYYY-MM-DD).",
};
