"use client";

import { useTranslations } from "next-intl";
import { updateMetricAction } from "@/app/actions/initiative-actions";
import { updateMetricSchema } from "@/lib/initiatives/edit-schemas";
import { DateInput, Field, FormStatus, INPUT, SubmitButton, useValidatedForm } from "./form-kit";
import { CorrectsField, EvidenceFields, Hidden, NoteField, type Option } from "./shared-fields";

export function MetricForm(props: {
  slug: string;
  version: number;
  metricSlug: string;
  name: string;
  unit: string;
  targetDate: string;
  sources: Option[];
  entries: Option[];
}) {
  const t = useTranslations("editor");
  const { state, errors, formAction, onSubmit, pending } = useValidatedForm(updateMetricAction, updateMetricSchema);
  const titleId = `metric-form-${props.metricSlug}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={titleId} className="space-y-4">
      <h3 id={titleId} className="text-lg font-semibold">
        {t("metricTitle", { name: props.name })}
      </h3>
      <Hidden fields={{ slug: props.slug, version: props.version, metricSlug: props.metricSlug }} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="value" label={t("readingValue", { unit: props.unit })} errors={errors}>
          {(p) => <input {...p} type="number" step="any" inputMode="decimal" className={INPUT} />}
        </Field>
        <Field name="observedOn" label={t("observedOn")} errors={errors}>
          {(p) => <DateInput {...p} />}
        </Field>
        <Field name="targetDate" label={t("metricTargetDate")} errors={errors}>
          {(p) => <DateInput {...p} defaultValue={props.targetDate} />}
        </Field>
      </div>
      <NoteField errors={errors} />
      <EvidenceFields errors={errors} sources={props.sources} />
      <CorrectsField errors={errors} entries={props.entries} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("saveMetric")}</SubmitButton>
    </form>
  );
}
