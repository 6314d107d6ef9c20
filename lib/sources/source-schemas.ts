import { z } from "zod";
import { MAX_RECORD_ID, recordIdSchema } from "../domain/record-id";
import { sourceKindSchema, sourceLanguageSchema } from "../domain/vocabulary";
import { formDataToInput } from "../forms/form-data";
import { emptyToNull, optionalHttpUrlSchema, optionalIsoDate } from "../initiatives/edit-schemas";

/**
 * The schemas behind the source forms, shared by the browser and the server actions. A source's
 * text is validated untrimmed: it is stored exactly as saved (only line endings are normalised).
 */

/** An optional one-line field: blank means unknown. */
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((value) => value || null);

/** Everything optional except the language: the page shows "unknown" where a field is blank. */
export const sourceMetadataFields = {
  title: optionalLine(300),
  outlet: optionalLine(200),
  url: optionalHttpUrlSchema,
  publishedOn: optionalIsoDate,
  language: sourceLanguageSchema,
  kind: emptyToNull(sourceKindSchema).optional().default(null),
};

/** Far above any real article; the byte limit (SOURCE_MAX_BYTES) is checked on the server. */
export const MAX_SOURCE_CHARS = 20_000_000;

const uploadedFile = z.instanceof(File, { error: "fileRequired" });

export const addSourceSchema = z
  .object({
    ...sourceMetadataFields,
    origin: z.enum(["paste", "file"], { error: "required" }),
    text: z.string().max(MAX_SOURCE_CHARS, { error: "tooLong" }).optional().default(""),
    file: uploadedFile.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.origin === "paste" && !value.text.trim()) ctx.addIssue({ code: "custom", path: ["text"], message: "required" });
    if (value.origin === "file" && !value.file) ctx.addIssue({ code: "custom", path: ["file"], message: "fileRequired" });
  });

/** Extracting a file's text for the preview: only the file matters. */
export const previewSourceSchema = z.object({ file: uploadedFile });

export const correctSourceSchema = z.object({
  ...sourceMetadataFields,
  sourceId: recordIdSchema,
  version: z.coerce.number({ error: "required" }).int().positive().max(MAX_RECORD_ID),
  note: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
});

export type AddSourceInput = z.infer<typeof addSourceSchema>;
export type CorrectSourceInput = z.infer<typeof correctSourceSchema>;

/** The form's fields plus its file: an empty file input sends a nameless empty file, which is no file. */
export function sourceFormInput(formData: FormData): Record<string, unknown> {
  const input = formDataToInput(formData);
  const file = formData.get("file");
  if (file instanceof File && (file.size > 0 || file.name)) input.file = file;
  return input;
}
