import "../forms/zod-config";
import { z } from "zod";
import { recordIdSchema } from "../domain/record-id";
import { cleanText } from "../forms/clean-text";
import { routing } from "../i18n/routing";
import { optionalHttpUrlSchema } from "../initiatives/edit-schemas";

/** Limits of a visitor's suggestion: long enough to explain, short enough not to be a dump. */
export const SUGGESTION_MIN = 10;
export const SUGGESTION_MAX = 4000;

/**
 * "Suggest an update or a correction": the text, an optional http(s) link and an optional e-mail
 * for the answer. `website` is a honeypot: hidden from people, filled in by bots.
 */
export const submitSuggestionSchema = z
  .object({
    subject: z.enum(["initiative", "source"]),
    subjectKey: z.string().trim().min(1).max(200),
    text: z
      .string({ error: "required" })
      .overwrite(cleanText)
      .trim()
      .min(1, { error: "required" })
      .min(SUGGESTION_MIN, { error: "suggestionTooShort" })
      .max(SUGGESTION_MAX, { error: "tooLong" }),
    url: optionalHttpUrlSchema,
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: "tooLong" })
      .optional()
      .transform((value) => value || null)
      .pipe(z.email({ error: "invalidEmail" }).nullable()),
    locale: z.enum(routing.locales).catch(routing.defaultLocale),
    website: z.string().max(2000).optional().default(""),
  })
  .refine((value) => value.subject !== "source" || /^[1-9][0-9]{0,9}$/.test(value.subjectKey), { path: ["subjectKey"], message: "notFound" });

/** An editor's answer: accepted (what was done) or declined (why). */
export const resolveSuggestionSchema = z.object({
  suggestionId: recordIdSchema,
  decision: z.enum(["accepted", "declined"]),
  resolution: z.string({ error: "required" }).overwrite(cleanText).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
});

export type SubmitSuggestionInput = z.infer<typeof submitSuggestionSchema>;
export type ResolveSuggestionInput = z.infer<typeof resolveSuggestionSchema>;
