"use client";

import { useTranslations } from "next-intl";
import { setScoreAction } from "@/app/actions/score-actions";
import { setScoreSchema } from "@/lib/scorecards/score-schemas";
import { ActionForm, DateInput, Field, FormStatus, SubmitButton, useErrorText } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { Hidden, NoteField, QuoteFields, type Option } from "./shared-fields";

/**
 * A country's score on an initiative: the value, the day it holds at, a verbatim quote from a
 * source of the tracker as evidence, and a note. Values stay after a refusal (useKeptForm).
 */
export function ScoreForm({ slug, countryCode, version, sources }: { slug: string; countryCode: string; version: number; sources: Option[] }) {
  const t = useTranslations("scoreForm");
  const errorText = useErrorText();
  const { state, errors, pending, form } = useKeptForm(setScoreAction, setScoreSchema);
  const scoreErrors = errors.score ?? [];
  return (
    <ActionForm {...form} aria-label={t("title")} className="space-y-4">
      <Hidden fields={{ slug, countryCode, expectedVersion: version }} />
      <fieldset className="space-y-2" aria-describedby={scoreErrors.length ? "score-error" : undefined}>
        <legend className="font-medium">{t("score")}</legend>
        {scoreErrors.length > 0 && (
          <p id="score-error" className="text-sm font-medium text-red-800">
            {scoreErrors.map((key) => errorText(key)).join(" ")}
          </p>
        )}
        {(["1", "0", "-1"] as const).map((value, index) => (
          <label key={value} className="flex items-start gap-2">
            <input
              type="radio"
              name="score"
              value={value}
              defaultChecked={state.values?.score?.[0] === value}
              className="mt-1.5"
              aria-invalid={index === 0 && scoreErrors.length > 0 ? true : undefined}
            />
            <span>
              <span className="font-medium">{t(`value.${value}`)}</span>
              <span className="block text-sm text-slate-700">{t(`valueHint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field name="asOf" label={t("asOf")} hint={t("asOfHint")} errors={errors}>
        {(props) => <DateInput {...props} />}
      </Field>
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">{t("evidence")}</legend>
        <QuoteFields errors={errors} sources={sources} occurrences={state.quoteOccurrences} />
      </fieldset>
      <NoteField errors={errors} />
      <div data-form-status tabIndex={-1}>
        <FormStatus state={state} />
      </div>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
