import "../forms/zod-config";
import { z } from "zod";
import { MAX_RECORD_ID, recordIdSchema } from "../domain/record-id";
import { isLongEnoughQuote } from "../domain/quote-rules";
import { cleanText } from "../forms/clean-text";
import { emptyToNull, note, pastDate } from "../initiatives/edit-schemas";

/** The scale of the G20 Research Group's compliance reports: no action, partial, full. */
export const SCORE_VALUES = [-1, 0, 1] as const;
export type ScoreValue = (typeof SCORE_VALUES)[number];

/**
 * Setting a country's score on an initiative: the form's schema, checked in the browser and again
 * in the server action. The evidence is always a verbatim quote from a source in the tracker;
 * `expectedVersion` is the pair's score version the editor saw (0: not scored yet).
 */
export const setScoreSchema = z.object({
  slug: z.string().min(1).max(200),
  countryCode: z.string().regex(/^[A-Z]{2}$/, { error: "invalid" }),
  expectedVersion: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(0, { error: "invalid" }).max(MAX_RECORD_ID, { error: "invalid" }),
  score: z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : typeof value === "string" ? Number(value.replace("+", "").replace("−", "-")) : value),
    z.union(SCORE_VALUES.map((value) => z.literal(value)) as [z.ZodLiteral<-1>, z.ZodLiteral<0>, z.ZodLiteral<1>], { error: "chooseScore" }),
  ),
  asOf: pastDate,
  quoteSourceId: emptyToNull(recordIdSchema)
    .optional()
    .default(null)
    .refine((value) => value !== null, { error: "required" }),
  quoteText: z
    .string({ error: "required" })
    .max(2000, { error: "tooLong" })
    .overwrite(cleanText)
    .trim()
    .min(1, { error: "required" })
    .refine((value) => value === "" || isLongEnoughQuote(value), { error: "quoteTooShort" }),
  quoteOccurrence: emptyToNull(z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(100_000, { error: "invalid" }))
    .optional()
    .default(null),
  note,
});

export type SetScoreInput = z.infer<typeof setScoreSchema>;
