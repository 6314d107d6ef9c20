"use client";

import { useTranslations } from "next-intl";
import { correctMetricAction } from "@/app/actions/intake-actions";
import { correctMetricSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { MetricDetailFields, type MetricDetailValues } from "./create-metric-form";
import { ActionForm, SubmitButton } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { NoteField, QuoteFields, type Option } from "./shared-fields";

/**
 * Corrects a figure's details with the quote that states them and a note (decision 037): the next
 * version of its public history. Sent by hand (useKeptForm), so what the editor typed survives a refusal.
 */
export function CorrectMetricForm({
  metricSlug,
  version,
  initial,
  sources,
}: {
  metricSlug: string;
  version: number;
  initial: MetricDetailValues;
  sources: Option[];
}) {
  const t = useTranslations("create");
  const { state, errors, pending, form } = useKeptForm(correctMetricAction, correctMetricSchema);
  return (
    <ActionForm {...form} aria-labelledby="correct-metric-title" className="space-y-4">
      <h2 id="correct-metric-title" className="text-xl font-semibold">
        {t("correctMetricTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("correctMetricHint")}</p>
      <input type="hidden" name="metricSlug" value={metricSlug} />
      <input type="hidden" name="version" value={version} />
      <MetricDetailFields errors={errors} initial={initial} />
      <QuoteFields errors={errors} sources={sources} occurrences={state.quoteOccurrences} />
      <NoteField errors={errors} />
      <SourceFormStatus state={state} />
      <SubmitButton pending={pending}>{t("saveMetricCorrection")}</SubmitButton>
    </ActionForm>
  );
}
