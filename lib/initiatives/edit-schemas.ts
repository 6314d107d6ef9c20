import "../forms/zod-config";
import { z } from "zod";
import { MAX_RECORD_ID, recordIdSchema } from "../domain/record-id";
import { countryRoleSchema, initiativeStatusSchema, stageSchema, themeSchema } from "../domain/vocabulary";
import { cleanText } from "../forms/clean-text";
import { latestPastDay, normalizeDayInput } from "../dates";
import { isLongEnoughQuote } from "../domain/quote-rules";

/**
 * The schemas behind every editor form. The same schema validates in the browser (to
 * show field errors before sending) and in the server action (which trusts nothing).
 * Error messages are keys of the `errors` namespace in lib/i18n/messages.
 */

const MIN_DATE = "1991-01-01";
const MAX_DATE = "2100-12-31";

// ISO or the locale's own way of writing a day (31.12.2026), see lib/dates.ts.
const isoDate = z
  .string({ error: "required" })
  .trim()
  .overwrite(normalizeDayInput)
  .min(1, { error: "required" })
  .pipe(z.iso.date({ error: "invalidDate" }))
  .refine((value) => value >= MIN_DATE && value <= MAX_DATE, { error: "dateOutOfRange" });

/** When something happened (took effect, was observed, was published): not after today (+1 day for time zones). */
export const pastDate = isoDate.refine((value) => value <= latestPastDay(), { error: "dateInFuture" });

/** An empty field means "none". */
const optionalDate = (day: typeof isoDate | typeof pastDate) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(day.nullable());
export const optionalIsoDate = optionalDate(isoDate);
const optionalPastDate = optionalDate(pastDate);

/**
 * A number as people type it in either language: spaces (also no-break and thin) between digit
 * groups go, and a comma is the decimal separator unless a point is there too ("1,234.5").
 * Anything else is left for the number check to refuse.
 */
export function normalizeDecimal(text: string): string {
  const compact = text.trim().replace(/(?<=\d)[\s\u00a0\u202f](?=\d)/g, "");
  if (/^[+-]?\d+,\d+$/.test(compact)) return compact.replace(",", ".");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) && compact.includes(".")) return compact.replaceAll(",", "");
  return compact;
}

export const emptyToNull = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === undefined ? null : value), schema.nullable());

export const note = z.string({ error: "required" }).overwrite(cleanText).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" });

const base = {
  slug: z.string().min(1).max(200),
  version: z.coerce.number({ error: "required" }).int().positive().max(MAX_RECORD_ID),
  correctsId: emptyToNull(recordIdSchema).optional().default(null),
};

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, { error: "tooLong" })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "invalidUrl" }));

/** An http(s) address a person may leave blank (null then). */
export const optionalHttpUrlSchema = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(httpUrlSchema.nullable());

/** Evidence: a verbatim quote from a source in the tracker, or a dated, titled http(s) link. */
const evidenceFields = {
  evidenceType: z.enum(["quote", "link"], { error: "required" }),
  quoteSourceId: emptyToNull(recordIdSchema).optional().default(null),
  quoteText: z.string().max(2000, { error: "tooLong" }).overwrite(cleanText).trim().max(2000, { error: "tooLong" }).optional().default(""),
  // Which occurrence the editor chose when the quote appears more than once in its source (1 = first).
  quoteOccurrence: emptyToNull(z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(100_000, { error: "invalid" }))
    .optional()
    .default(null),
  evidenceUrl: z.string().trim().optional().default(""),
  evidenceTitle: z.string().max(300, { error: "tooLong" }).overwrite(cleanText).trim().max(300, { error: "tooLong" }).optional().default(""),
  evidenceDate: z.string().trim().optional().default(""),
};

export type EvidenceInput = {
  evidenceType: "quote" | "link";
  quoteSourceId: number | null;
  quoteText: string;
  quoteOccurrence: number | null;
  evidenceUrl: string;
  evidenceTitle: string;
  evidenceDate: string;
};

function checkEvidence(value: EvidenceInput, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (value.evidenceType === "quote") {
    if (!value.quoteSourceId) issue("quoteSourceId", "required");
    if (!value.quoteText) issue("quoteText", "required");
    else if (!isLongEnoughQuote(value.quoteText)) issue("quoteText", "quoteTooShort");
    return;
  }
  if (!httpUrlSchema.safeParse(value.evidenceUrl).success) issue("evidenceUrl", value.evidenceUrl ? "invalidUrl" : "required");
  if (!value.evidenceTitle) issue("evidenceTitle", "required");
  const date = pastDate.safeParse(value.evidenceDate);
  if (!date.success) issue("evidenceDate", date.error.issues[0]?.message ?? "invalidDate");
}

export const changeStatusSchema = z
  .object({
    ...base,
    status: initiativeStatusSchema,
    stage: emptyToNull(stageSchema),
    effectiveOn: pastDate,
    note,
    overrideNote: z.string().max(2000, { error: "tooLong" }).overwrite(cleanText).trim().max(2000, { error: "tooLong" }).optional().default(""),
    ...evidenceFields,
  })
  .superRefine(checkEvidence);

export const editDetailsSchema = z.object({
  ...base,
  titleRu: z.string().overwrite(cleanText).trim().min(1, { error: "required" }).max(300, { error: "tooLong" }),
  titleEn: z.string().overwrite(cleanText).trim().min(1, { error: "required" }).max(300, { error: "tooLong" }),
  summaryRu: z.string().overwrite(cleanText).trim().min(1, { error: "required" }).max(4000, { error: "tooLong" }),
  summaryEn: z.string().overwrite(cleanText).trim().min(1, { error: "required" }).max(4000, { error: "tooLong" }),
  themes: z.array(themeSchema).min(1, { error: "chooseTheme" }),
  targetDate: optionalIsoDate,
  note,
});

export const editCountriesSchema = z.object({
  ...base,
  countries: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z]{2}$/),
        role: emptyToNull(countryRoleSchema),
        stage: emptyToNull(stageSchema),
      }),
    )
    .max(50),
  note,
});

export const updateMetricSchema = z
  .object({
    ...base,
    metricSlug: z.string().min(1).max(200),
    // A blank value is no value (Number(" ") would be a reading of 0); "12,5" and "12.5" are both 12.5.
    value: z.preprocess(
      (value) => (typeof value === "string" ? (value.trim() === "" ? null : normalizeDecimal(value)) : value),
      emptyToNull(z.coerce.number({ error: "invalidNumber" }).finite({ error: "invalidNumber" }).min(-1e12).max(1e12)),
    ),
    // Ticked after the form warned that the reading is more than 3× the previous one or the target.
    confirmLarge: z
      .preprocess((value) => value === "on" || value === "true" || value === true, z.boolean())
      .optional()
      .default(false),
    observedOn: optionalPastDate,
    targetDate: optionalIsoDate,
    note,
    ...evidenceFields,
  })
  .superRefine((value, ctx) => {
    if (value.value !== null && !value.observedOn) ctx.addIssue({ code: "custom", path: ["observedOn"], message: "required" });
    if (value.value === null && value.observedOn) ctx.addIssue({ code: "custom", path: ["value"], message: "required" });
    checkEvidence(value, ctx);
  });

export const markVerifiedSchema = z.object({
  ...base,
  note: z.string().max(2000, { error: "tooLong" }).overwrite(cleanText).trim().max(2000, { error: "tooLong" }).optional().default(""),
});

export const reviewChangeSchema = z.object({
  pendingId: recordIdSchema,
  decision: z.enum(["approve", "reject"]),
  reviewNote: note,
});

export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;
export type EditDetailsInput = z.infer<typeof editDetailsSchema>;
export type EditCountriesInput = z.infer<typeof editCountriesSchema>;
export type UpdateMetricInput = z.infer<typeof updateMetricSchema>;
export type MarkVerifiedInput = z.infer<typeof markVerifiedSchema>;
export type ReviewChangeInput = z.infer<typeof reviewChangeSchema>;
