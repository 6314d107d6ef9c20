import { z } from "zod";
import { MAX_RECORD_ID, recordIdSchema } from "../domain/record-id";
import { speakerKindSchema } from "../domain/vocabulary";
import { emptyToNull } from "../initiatives/edit-schemas";

/** The review page's forms: a proposed passage accepted as a quote, or turned down. */
const offset = z.coerce.number().int().min(0).max(100_000_000);
const id = recordIdSchema;

export const acceptPassageSchema = z
  .object({
    sourceId: id,
    slug: z.string().min(1).max(200),
    version: z.coerce.number({ error: "required" }).int().positive().max(MAX_RECORD_ID),
    start: offset,
    end: offset,
    speakerKind: speakerKindSchema.optional().default("narrator"),
    speakerPersonId: emptyToNull(id).optional().default(null),
    attribution: z
      .string()
      .trim()
      .max(300, { error: "tooLong" })
      .optional()
      .transform((value) => value || null),
    note: z.string().trim().max(2000, { error: "tooLong" }).optional().default(""),
    /** A later event at which the passage says the initiative was announced again. */
    reannouncedAtEventId: emptyToNull(id).optional().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.end <= value.start) ctx.addIssue({ code: "custom", path: ["end"], message: "passageOutOfRange" });
    // Words of an official or an expert need their person (the narrator's do not).
    if (value.speakerKind !== "narrator" && value.speakerPersonId === null)
      ctx.addIssue({ code: "custom", path: ["speakerPersonId"], message: "speakerRequired" });
  });

export const rejectPassageSchema = z
  .object({
    sourceId: id,
    start: offset,
    end: offset,
    initiativeId: emptyToNull(id).optional().default(null),
    reason: z.string().trim().max(500, { error: "tooLong" }).optional().default(""),
  })
  .refine((value) => value.end > value.start, { path: ["end"], message: "passageOutOfRange" });

export type AcceptPassageInput = z.infer<typeof acceptPassageSchema>;
export type RejectPassageInput = z.infer<typeof rejectPassageSchema>;
