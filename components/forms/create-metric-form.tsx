"use client";

import { useTranslations } from "next-intl";
import { createMetricAction } from "@/app/actions/intake-actions";
import { createMetricSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { DateInput, Field, INPUT } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { OccurrenceChoice, type Option } from "./shared-fields";

/** A new figure or target of the initiative, stated by a quote pasted from a source in the tracker. */
export function CreateMetricForm({ slug, version, sources }: { slug: string; version: number; sources: Option[] }) {
  const t = useTranslations("create");
  const tEditor = useTranslations("editor");
  const { state, errors, onSubmit, pending, formRef } = useKeptForm(createMetricAction, createMetricSchema);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="create-metric-title" className="space-y-4">
      <h3 id="create-metric-title" className="text-lg font-semibold">
        {t("metricTitle")}
      </h3>
      <p className="text-sm text-slate-700">{t("metricIntro")}</p>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="nameRu" label={t("nameRu")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="nameEn" label={t("nameEn")} errors={errors}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="unitRu" label={t("unitRu")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="unitEn" label={t("unitEn")} errors={errors}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="baselineValue" label={t("baselineValue")} errors={errors}>
          {(p) => <input {...p} inputMode="decimal" className={INPUT} />}
        </Field>
        <Field name="baselinePeriod" label={t("baselinePeriod")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="targetValue" label={t("targetValue")} errors={errors}>
          {(p) => <input {...p} inputMode="decimal" className={INPUT} />}
        </Field>
        <Field name="targetDate" label={tEditor("targetDate")} errors={errors}>
          {(p) => <DateInput {...p} />}
        </Field>
        <Field name="targetDateText" label={t("targetDateText")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
      </div>
      <Field name="quoteSourceId" label={tEditor("source")} errors={errors}>
        {(p) => (
          <select {...p} defaultValue={sources[0]?.value} className={INPUT}>
            {sources.map((source) => (
              <option key={source.value} value={source.value}>
                {source.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="quoteText" label={tEditor("quoteText")} hint={tEditor("quoteTextHint")} errors={errors}>
        {(p) => <textarea {...p} rows={3} lang="ru" className={INPUT} />}
      </Field>
      {state.quoteOccurrences && state.quoteOccurrences.length > 1 && <OccurrenceChoice occurrences={state.quoteOccurrences} errors={errors} />}
      <Field name="note" label={tEditor("note")} hint={tEditor("noteHint")} errors={errors}>
        {(p) => <textarea {...p} rows={2} className={INPUT} />}
      </Field>
      <SourceFormStatus state={state} />
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
        {t("createMetric")}
      </button>
    </form>
  );
}
