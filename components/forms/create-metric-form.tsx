"use client";

import { useTranslations } from "next-intl";
import { createMetricAction } from "@/app/actions/intake-actions";
import { createMetricSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { ActionForm, DateInput, Field, INPUT, SubmitButton } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { NoteField, QuoteFields, type Option } from "./shared-fields";

/** A figure's details as a form shows them (blank for none). */
export interface MetricDetailValues {
  nameRu: string;
  nameEn: string;
  unitRu: string;
  unitEn: string;
  baselineValue: string;
  baselinePeriod: string;
  targetValue: string;
  targetDate: string | null;
  targetDateText: string;
}

/** Name, unit, baseline with its period, target with its date: the fields adding and correcting a figure share. */
export function MetricDetailFields({ errors, initial }: { errors: Record<string, string[]>; initial?: MetricDetailValues }) {
  const t = useTranslations("create");
  const tEditor = useTranslations("editor");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field name="nameRu" label={t("nameRu")} errors={errors} defaultValue={initial?.nameRu}>
        {(p) => <input {...p} lang="ru" className={INPUT} />}
      </Field>
      <Field name="nameEn" label={t("nameEn")} errors={errors} defaultValue={initial?.nameEn}>
        {(p) => <input {...p} lang="en" className={INPUT} />}
      </Field>
      <Field name="unitRu" label={t("unitRu")} errors={errors} defaultValue={initial?.unitRu}>
        {(p) => <input {...p} lang="ru" className={INPUT} />}
      </Field>
      <Field name="unitEn" label={t("unitEn")} errors={errors} defaultValue={initial?.unitEn}>
        {(p) => <input {...p} lang="en" className={INPUT} />}
      </Field>
      <Field name="baselineValue" label={t("baselineValue")} errors={errors} defaultValue={initial?.baselineValue}>
        {(p) => <input {...p} inputMode="decimal" className={INPUT} />}
      </Field>
      <Field name="baselinePeriod" label={t("baselinePeriod")} errors={errors} defaultValue={initial?.baselinePeriod}>
        {(p) => <input {...p} lang="ru" className={INPUT} />}
      </Field>
      <Field name="targetValue" label={t("targetValue")} errors={errors} defaultValue={initial?.targetValue}>
        {(p) => <input {...p} inputMode="decimal" className={INPUT} />}
      </Field>
      <Field name="targetDate" label={tEditor("targetDate")} errors={errors} defaultValue={initial?.targetDate}>
        {(p) => <DateInput {...p} />}
      </Field>
      <Field name="targetDateText" label={t("targetDateText")} errors={errors} defaultValue={initial?.targetDateText}>
        {(p) => <input {...p} lang="ru" className={INPUT} />}
      </Field>
    </div>
  );
}

/** A new figure or target of the initiative, stated by a quote pasted from a source in the tracker. */
export function CreateMetricForm({ slug, version, sources }: { slug: string; version: number; sources: Option[] }) {
  const t = useTranslations("create");
  const { state, errors, pending, form } = useKeptForm(createMetricAction, createMetricSchema);
  return (
    <ActionForm {...form} aria-labelledby="create-metric-title" className="space-y-4">
      <h3 id="create-metric-title" className="text-lg font-semibold">
        {t("metricTitle")}
      </h3>
      <p className="text-sm text-slate-700">{t("metricIntro")}</p>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <MetricDetailFields errors={errors} />
      <QuoteFields errors={errors} sources={sources} occurrences={state.quoteOccurrences} />
      <NoteField errors={errors} />
      <SourceFormStatus state={state} />
      <SubmitButton pending={pending}>{t("createMetric")}</SubmitButton>
    </ActionForm>
  );
}
