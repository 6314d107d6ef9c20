"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { updateMetricAction } from "@/app/actions/initiative-actions";
import { normalizeDecimal, updateMetricSchema } from "@/lib/initiatives/edit-schemas";
import { ActionForm, DateInput, Field, FormStatus, INPUT, SubmitButton, useValidatedForm, useValuesSetBeforeHydration } from "./form-kit";
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
  const { state, errors, pending, form } = useValidatedForm(updateMetricAction, updateMetricSchema);
  const format = useFormatter();
  const [typed, setTyped] = useState("");
  const formElement = useRef<HTMLFormElement>(null);
  // Hydrated once its script arrives (editor-forms-on-demand.tsx): a reading typed before that has its preview too.
  useValuesSetBeforeHydration(formElement, { value: setTyped });
  // The number as it will be saved, in this language's format, so "12,5" is seen to mean 12.5.
  const parsed = typed.trim() ? Number(normalizeDecimal(typed)) : NaN;
  const preview = Number.isFinite(parsed) ? t("valuePreview", { value: format.number(parsed, { maximumFractionDigits: 20 }) }) : undefined;
  const titleId = `metric-form-${props.metricSlug}`;
  return (
    <ActionForm {...form} ref={formElement} aria-labelledby={titleId} className="space-y-4">
      <h3 id={titleId} className="text-lg font-semibold">
        {t("metricTitle", { name: props.name })}
      </h3>
      {/* The outcome first: a summary of what to fix, or the change that blocked the save. */}
      <FormStatus state={state} />
      <Hidden fields={{ slug: props.slug, version: props.version, metricSlug: props.metricSlug }} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="value" label={t("readingValue", { unit: props.unit })} errors={errors} hint={preview}>
          {(p) => (
            <input {...p} type="text" inputMode="decimal" autoComplete="off" onChange={(event) => setTyped(event.currentTarget.value)} className={INPUT} />
          )}
        </Field>
        <Field name="observedOn" label={t("observedOn")} errors={errors}>
          {(p) => <DateInput {...p} />}
        </Field>
        <Field name="targetDate" label={t("metricTargetDate")} errors={errors} defaultValue={props.targetDate}>
          {(p) => <DateInput {...p} />}
        </Field>
      </div>
      {errors.value?.includes("confirmLargeReading") && (
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" name="confirmLarge" className="h-4 w-4" />
          {t("confirmLarge")}
        </label>
      )}
      <NoteField errors={errors} />
      <EvidenceFields errors={errors} sources={props.sources} occurrences={state.quoteOccurrences} />
      <CorrectsField errors={errors} entries={props.entries} />
      <SubmitButton pending={pending}>{t("saveMetric")}</SubmitButton>
    </ActionForm>
  );
}
