"use server";

import "server-only";
import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors/domain-error";
import { importCsv } from "@/lib/imports/import-csv";
import { importReport, type ImportReport } from "@/lib/imports/import-report";
import { importCsvSchema, importFormInput } from "@/lib/imports/import-schema";
import { isReviewRequired } from "@/lib/settings/settings";

/** The editor desk's bulk update: a dry run shows every row's outcome and writes nothing; apply writes all rows or none. */
export async function importCsvAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: importCsvSchema,
    toInput: importFormInput,
    run: async (
      input,
      user,
    ): Promise<{ message: string; messageValues: Record<string, number>; importReport: ImportReport; refused?: boolean; tags: string[] }> => {
      let csv: string;
      try {
        csv = new TextDecoder("utf-8", { fatal: true }).decode(await input.file.arrayBuffer());
      } catch {
        throw new DomainError("fileInvalidUtf8", "file");
      }
      const dryRun = input.mode === "dryRun";
      const result = await importCsv(prisma, user, { csv, note: input.note, apply: !dryRun, reviewRequired: await isReviewRequired(prisma) });
      const report = importReport(result, dryRun);
      if (result.issues.length)
        return {
          message: "importRefused",
          messageValues: { issues: result.issues.length, rows: result.rows.length },
          importReport: report,
          refused: true,
          tags: [],
        };
      return { message: dryRun ? "importChecked" : "importApplied", messageValues: { rows: result.rows.length }, importReport: report, tags: result.tags };
    },
  });
}
