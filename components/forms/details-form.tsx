"use client";

import { useTranslations } from "next-intl";
import { editDetailsAction } from "@/app/actions/initiative-actions";
import { THEMES, type Theme } from "@/lib/domain/vocabulary";
import { editDetailsSchema } from "@/lib/initiatives/edit-schemas";
import { ActionForm, DateInput, Field, FormStatus, INPUT, SubmitButton, useErrorText, useValidatedForm } from "./form-kit";
import { CorrectsField, Hidden, NoteField, type Option } from "./shared-fields";

export function DetailsForm(props: {
  slug: string;
  version: number;
  titleRu: string;
  titleEn: string;
  summaryRu: string;
  summaryEn: string;
  themes: Theme[];
  targetDate: string;
  entries: Option[];
}) {
  const t = useTranslations("editor");
  const tTheme = useTranslations("theme");
  const errorText = useErrorText();
  const { state, errors, pending, form } = useValidatedForm(editDetailsAction, editDetailsSchema);
  // The ticks a refused submission sent (it always sends themesPresent), else the saved themes.
  const kept = state.values ?? {};
  return (
    <ActionForm {...form} aria-labelledby="details-form-title" className="space-y-4">
      <h3 id="details-form-title" className="text-lg font-semibold">
        {t("detailsTitle")}
      </h3>
      {/* The outcome first: a summary of what to fix, or the change that blocked the save. */}
      <FormStatus state={state} />
      <Hidden fields={{ slug: props.slug, version: props.version, themesPresent: "1" }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="titleRu" label={t("titleRu")} errors={errors} defaultValue={props.titleRu}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="titleEn" label={t("titleEn")} errors={errors} defaultValue={props.titleEn}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="summaryRu" label={t("summaryRu")} errors={errors} defaultValue={props.summaryRu}>
          {(p) => <textarea {...p} lang="ru" rows={4} className={INPUT} />}
        </Field>
        <Field name="summaryEn" label={t("summaryEn")} errors={errors} defaultValue={props.summaryEn}>
          {(p) => <textarea {...p} lang="en" rows={4} className={INPUT} />}
        </Field>
      </div>
      <fieldset aria-describedby={errors.themes ? "themes-error" : undefined}>
        <legend className="font-medium">{t("themes")}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {THEMES.map((theme) => (
            <label key={theme} className="flex items-center gap-2">
              <input type="checkbox" name="themes" value={theme} defaultChecked={(kept.themesPresent ? (kept.themes ?? []) : props.themes).includes(theme)} />
              {tTheme(theme)}
            </label>
          ))}
        </div>
        {errors.themes && (
          <p id="themes-error" className="mt-1 text-sm font-medium text-red-800">
            {errors.themes.map((key) => errorText(key)).join(" ")}
          </p>
        )}
      </fieldset>
      <Field name="targetDate" label={t("targetDate")} hint={t("targetDateHint")} errors={errors} defaultValue={props.targetDate}>
        {(p) => <DateInput {...p} />}
      </Field>
      <NoteField errors={errors} />
      <CorrectsField errors={errors} entries={props.entries} />
      <SubmitButton pending={pending}>{t("saveDetails")}</SubmitButton>
    </ActionForm>
  );
}
