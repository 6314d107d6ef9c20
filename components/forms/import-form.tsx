"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { importCsvAction } from "@/app/actions/import-actions";
import type { RowOutcome } from "@/lib/imports/import-csv";
import type { ImportReport } from "@/lib/imports/import-report";
import { importCsvSchema, importFormInput } from "@/lib/imports/import-schema";
import { DataTable } from "../data-table";
import { ActionForm, Field, FormStatus, INPUT, useErrorText } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { lookUp } from "@/lib/i18n/look-up";

/**
 * The bulk update: the file, the note every row's change carries, and two buttons (check only,
 * or apply). Sent by hand (useKeptForm), so the chosen file and note stay after a refusal.
 */
export function ImportForm() {
  const t = useTranslations("bulkImport");
  const { state, errors, pending, form } = useKeptForm(importCsvAction, importCsvSchema, importFormInput);
  const report = state.importReport;
  return (
    <div className="space-y-6">
      <ActionForm {...form} aria-label={t("formLabel")} className="space-y-4">
        <Field name="file" label={t("file")} hint={t("fileHint")} errors={errors}>
          {(p) => <input {...p} type="file" accept=".csv,text/csv" className={INPUT} />}
        </Field>
        <Field name="note" label={t("note")} hint={t("noteHint")} errors={errors}>
          {(p) => <textarea {...p} rows={2} className={INPUT} />}
        </Field>
        <div data-form-status tabIndex={-1}>
          <FormStatus state={state} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="mode"
            value="dryRun"
            disabled={pending}
            className="rounded border border-blue-800 px-4 py-2 font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-60"
          >
            {t("dryRun")}
          </button>
          <button
            type="submit"
            name="mode"
            value="apply"
            disabled={pending}
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
          >
            {t("apply")}
          </button>
        </div>
        {pending && <p className="text-sm text-slate-700">{t("working")}</p>}
      </ActionForm>
      {report && <ImportReportView report={report} />}
    </div>
  );
}

/** Every refusal (row, column, message) first, the first one focused; then each row's outcome. */
function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("bulkImport");
  const errorText = useErrorText();
  const firstIssue = useRef<HTMLTableRowElement>(null);
  // After the form's own effect has focused its status: the first refused row is where to start.
  useEffect(() => {
    const frame = requestAnimationFrame(() => firstIssue.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [report]);
  const message = (code: string, values?: Record<string, string | number>) => lookUp(t, `issue.${code}`, values) ?? errorText(code);
  return (
    <section aria-labelledby="import-report" className="space-y-4">
      <h2 id="import-report" className="text-xl font-semibold">
        {report.dryRun ? t("reportDryRun") : report.applied ? t("reportApplied") : t("reportNotApplied")}
      </h2>
      <p>
        {Object.entries(report.counts)
          .map(([outcome, count]) => t("count", { outcome: t(`outcome.${outcome as RowOutcome}`), count }))
          .join(" · ")}
      </p>
      {report.issues.length > 0 && (
        <DataTable caption={t("issuesTable")} headings={[t("row"), t("column"), t("message")]} look="dense">
          {report.issues.map((issue, index) => (
            <tr
              key={`${issue.row}-${issue.column}-${index}`}
              ref={index === 0 ? firstIssue : undefined}
              tabIndex={index === 0 ? -1 : undefined}
              className="border-t border-slate-100 align-top text-red-900 focus:outline-2 focus:outline-red-700"
            >
              <td className="py-1 pr-3">{issue.row}</td>
              <td className="py-1 pr-3 break-all">{issue.column ?? "—"}</td>
              <td className="py-1">{message(issue.code, issue.values)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <DataTable caption={t("rowsTable")} headings={[t("row"), t("initiative"), t("outcomeHeading"), t("version")]} look="dense">
        {report.rows.map((row) => (
          <tr key={row.row} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-3">{row.row}</td>
            <td className="py-1 pr-3 break-all">{row.slug || "—"}</td>
            <td className="py-1 pr-3">{row.outcomes.map((outcome) => t(`outcome.${outcome}`)).join(", ")}</td>
            <td className="py-1">{row.version ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      {report.total > report.rows.length && <p className="text-sm text-slate-700">{t("moreRows", { shown: report.rows.length, total: report.total })}</p>}
    </section>
  );
}
