import "../forms/zod-config";
import { z } from "zod";
import { recordIdSchema } from "../domain/record-id";
import {
  countryRoleSchema,
  initiativeKindSchema,
  initiativeStatusSchema,
  meetingRelationSchema,
  speakerKindSchema,
  stageSchema,
  themeSchema,
} from "../domain/vocabulary";
import { isLongEnoughQuote } from "../domain/quote-rules";
import { cleanText } from "../forms/clean-text";
import { emptyToNull, normalizeDecimal, optionalIsoDate } from "../initiatives/edit-schemas";

/**
 * The schemas of the records an editor creates from a source's passages: a new initiative, a
 * new event, a new figure or target. The forms validate with the same schemas in the browser.
 */

const offset = z.coerce.number().int().min(0).max(100_000_000);
const text = (max: number) => z.string({ error: "required" }).overwrite(cleanText).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .overwrite(cleanText)
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((value) => value || null);
const note = text(2000);

/** Where a passage lies in a stored source, and whose words it is. */
const passageFields = {
  sourceId: recordIdSchema,
  start: offset,
  end: offset,
  speakerKind: speakerKindSchema.optional().default("narrator"),
  speakerPersonId: emptyToNull(recordIdSchema).optional().default(null),
  attribution: optionalText(300),
};

function checkPassage(value: { start: number; end: number; speakerKind: string; speakerPersonId: number | null }, ctx: z.RefinementCtx) {
  if (value.end <= value.start) ctx.addIssue({ code: "custom", path: ["end"], message: "passageOutOfRange" });
  if (value.speakerKind !== "narrator" && value.speakerPersonId === null)
    ctx.addIssue({ code: "custom", path: ["speakerPersonId"], message: "speakerRequired" });
}

export const createInitiativeSchema = z
  .object({
    ...passageFields,
    titleRu: text(300),
    titleEn: text(300),
    summaryRu: text(4000),
    summaryEn: text(4000),
    kind: initiativeKindSchema,
    status: initiativeStatusSchema.optional().default("proposed"),
    stage: emptyToNull(stageSchema).optional().default(null),
    themes: z.array(themeSchema).min(1, { error: "chooseTheme" }).max(9),
    eventId: recordIdSchema,
    meetingRelation: meetingRelationSchema,
    proposerCountryCode: emptyToNull(z.string().regex(/^[A-Z]{2}$/))
      .optional()
      .default(null),
    proposerPersonId: emptyToNull(recordIdSchema).optional().default(null),
    countries: z
      .array(z.object({ code: z.string().regex(/^[A-Z]{2}$/), role: emptyToNull(countryRoleSchema), stage: emptyToNull(stageSchema) }))
      .max(50)
      .optional()
      .default([]),
    targetDate: optionalIsoDate,
    note,
  })
  .superRefine(checkPassage);

export const createEventSchema = z.object({
  nameRu: text(300),
  nameEn: text(300),
  placeRu: optionalText(200),
  placeEn: optionalText(200),
  /** The date exactly as the source writes it («в декабре 2026 года»); blank when it does not say. */
  dateText: optionalText(100),
  note,
});

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "invalid" });
const quoteOccurrence = emptyToNull(
  z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(100_000, { error: "invalid" }),
)
  .optional()
  .default(null);

/**
 * A correction of an event: its names, place and date as stated, attendees to remove, and one
 * attendee to add with the quote (pasted word for word from a source in the tracker) that names
 * them. `version` is the event's version the form showed.
 */
export const correctEventSchema = createEventSchema
  .extend({
    eventId: recordIdSchema,
    version: z.coerce.number({ error: "required" }).int().positive().max(2_147_483_647),
    removeAttendees: z
      .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(countryCode).max(60))
      .optional()
      .default([]),
    attendeeCode: emptyToNull(countryCode).optional().default(null),
    quoteSourceId: emptyToNull(recordIdSchema).optional().default(null),
    quoteText: optionalText(2000),
    quoteOccurrence: quoteOccurrence,
  })
  .superRefine((value, ctx) => {
    if (value.attendeeCode === null) return;
    if (value.quoteSourceId === null) ctx.addIssue({ code: "custom", path: ["quoteSourceId"], message: "required" });
    if (value.quoteText === null) ctx.addIssue({ code: "custom", path: ["quoteText"], message: "required" });
    else if (!isLongEnoughQuote(value.quoteText)) ctx.addIssue({ code: "custom", path: ["quoteText"], message: "quoteTooShort" });
    if (value.removeAttendees.includes(value.attendeeCode)) ctx.addIssue({ code: "custom", path: ["attendeeCode"], message: "invalid" });
  });

/** A figure as people type it («12,5», "1 000"); blank is none. */
const optionalNumber = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : normalizeDecimal(value)) : value),
  emptyToNull(z.coerce.number({ error: "invalidNumber" }).finite({ error: "invalidNumber" }).min(-1e12).max(1e12)),
);

/** A figure's details and the quote stating them: what adding a figure and correcting one both take. */
const metricFields = {
  version: z.coerce.number({ error: "required" }).int().positive().max(2_147_483_647),
  nameRu: text(300),
  nameEn: text(300),
  unitRu: text(100),
  unitEn: text(100),
  baselineValue: optionalNumber,
  baselinePeriod: optionalText(100),
  targetValue: optionalNumber,
  targetDate: optionalIsoDate,
  targetDateText: optionalText(100),
  /** The quote stating the figure: pasted word for word from a source in the tracker. */
  quoteSourceId: recordIdSchema,
  quoteText: text(2000),
  /** Which place a quote found more than once in the source is meant (1-based), once the form has asked. */
  quoteOccurrence,
  note,
};

function checkMetric(value: { quoteText: string; baselineValue: number | null; targetValue: number | null }, ctx: z.RefinementCtx) {
  if (!isLongEnoughQuote(value.quoteText)) ctx.addIssue({ code: "custom", path: ["quoteText"], message: "quoteTooShort" });
  if (value.baselineValue === null && value.targetValue === null) ctx.addIssue({ code: "custom", path: ["baselineValue"], message: "baselineOrTarget" });
}

/** A new figure of the initiative `slug`; `version` is the initiative's version the form showed. */
export const createMetricSchema = z.object({ slug: z.string().min(1).max(200), ...metricFields }).superRefine(checkMetric);

/**
 * A correction of a figure's details (decision 037), with the quote that states them and a note;
 * `version` is the figure's version the form showed (its record history's newest).
 */
export const correctMetricSchema = z
  .object({ metricSlug: z.string().regex(/^[a-z0-9-]{1,200}$/, { error: "invalid" }), ...metricFields })
  .superRefine(checkMetric);

export type CreateInitiativeInput = z.infer<typeof createInitiativeSchema>;
export type CreateEventInput = z.infer<typeof createEventSchema>;
export type CreateMetricInput = z.infer<typeof createMetricSchema>;
export type CorrectEventInput = z.infer<typeof correctEventSchema>;
export type CorrectMetricInput = z.infer<typeof correctMetricSchema>;
