import "../forms/zod-config";
import { z } from "zod";
import { MAX_RECORD_ID } from "../domain/record-id";
import { cleanText } from "../forms/clean-text";

/** The admin's merge form: the duplicate and the initiative to keep, each at the version the admin saw. */
export const mergeInitiativesSchema = z
  .object({
    duplicateSlug: z.string().trim().min(1, { error: "required" }).max(200),
    duplicateVersion: z.coerce.number({ error: "required" }).int().positive().max(MAX_RECORD_ID),
    keepSlug: z.string().trim().min(1, { error: "required" }).max(200),
    keepVersion: z.coerce.number({ error: "required" }).int().positive().max(MAX_RECORD_ID),
    note: z.string({ error: "required" }).overwrite(cleanText).trim().min(1, { error: "required" }).max(2000, { error: "tooLong" }),
  })
  .refine((value) => value.duplicateSlug !== value.keepSlug, { path: ["keepSlug"], error: "mergeSame" });

export type MergeInitiativesInput = z.infer<typeof mergeInitiativesSchema>;
