import "../forms/zod-config";
import { z } from "zod";
import { cleanText } from "../forms/clean-text";

/** Larger than 20,000 rows of the export with every import column filled. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** The upload form: the CSV, the note every row's change carries, and whether to write (apply) or only check (dry run). */
export const importCsvSchema = z.object({
  file: z
    .instanceof(File, { error: "fileRequired" })
    .refine((file) => file.size > 0, { error: "fileEmpty" })
    .refine((file) => file.size <= MAX_IMPORT_BYTES, { error: "fileTooLarge" }),
  note: z.string({ error: "required" }).overwrite(cleanText).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
  mode: z.enum(["dryRun", "apply"], { error: "required" }),
});

export type ImportCsvInput = z.infer<typeof importCsvSchema>;

/** The form's fields plus its file: an empty file input sends a nameless empty file, which is no file. */
export function importFormInput(formData: FormData): Record<string, unknown> {
  const file = formData.get("file");
  return {
    note: formData.get("note") ?? undefined,
    mode: formData.get("mode") ?? undefined,
    ...(file instanceof File && (file.size > 0 || file.name) ? { file } : {}),
  };
}
