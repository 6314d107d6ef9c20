"use client";

import { useTranslations } from "next-intl";
import { createInitiativeAction } from "@/app/actions/intake-actions";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, MEETING_RELATIONS, STAGES, THEMES } from "@/lib/domain/vocabulary";
import { createInitiativeSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { ActionForm, DateInput, Field, INPUT, SubmitButton, useErrorText } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { SpeakerFields } from "./passage-forms";
import { CountryRoleRows, NoteField, SelectField, type Option } from "./shared-fields";

/**
 * A new initiative started from a passage: the passage becomes its first quote (with who says it)
 * and the evidence of its status, proposer and countries. The summary in the source's language
 * starts as the passage itself, for the editor to rewrite.
 */
export function CreateInitiativeForm({
  passage,
  persons,
  events,
  countries,
}: {
  passage: { sourceId: number; start: number; end: number; text: string; language: string };
  persons: Option[];
  events: Option[];
  countries: Option[];
}) {
  const t = useTranslations("create");
  const tEditor = useTranslations("editor");
  const tKind = useTranslations("kind");
  const tStatus = useTranslations("status");
  const tStage = useTranslations("stage");
  const tTheme = useTranslations("theme");
  const tRelation = useTranslations("meetingRelation");
  const errorText = useErrorText();
  const { state, errors, pending, form } = useKeptForm(createInitiativeAction, createInitiativeSchema);
  const options = <V extends string>(values: readonly V[], label: (value: V) => string) => values.map((value) => ({ value, label: label(value) }));
  return (
    <ActionForm {...form} aria-labelledby="create-initiative-title" className="space-y-5">
      <h2 id="create-initiative-title" className="text-xl font-semibold">
        {t("initiativeTitle")}
      </h2>
      <input type="hidden" name="sourceId" value={passage.sourceId} />
      <input type="hidden" name="start" value={passage.start} />
      <input type="hidden" name="end" value={passage.end} />
      <input type="hidden" name="themesPresent" value="1" />
      <SpeakerFields errors={errors} persons={persons} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="titleRu" label={tEditor("titleRu")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="titleEn" label={tEditor("titleEn")} hint={t("slugHint")} errors={errors}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="summaryRu" label={tEditor("summaryRu")} errors={errors} defaultValue={passage.language === "ru" ? passage.text : ""}>
          {(p) => <textarea {...p} lang="ru" rows={4} className={INPUT} />}
        </Field>
        <Field name="summaryEn" label={tEditor("summaryEn")} errors={errors} defaultValue={passage.language === "en" ? passage.text : ""}>
          {(p) => <textarea {...p} lang="en" rows={4} className={INPUT} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="kind" label={t("kind")} options={options(INITIATIVE_KINDS, (v) => tKind(v))} errors={errors} />
        <SelectField name="status" label={t("status")} options={options(INITIATIVE_STATUSES, (v) => tStatus(v))} errors={errors} />
        <SelectField name="stage" label={t("stage")} options={options(STAGES, (v) => tStage(v))} errors={errors} blank="—" />
        <SelectField name="eventId" label={t("event")} options={events} errors={errors} />
        <SelectField name="meetingRelation" label={t("relation")} options={options(MEETING_RELATIONS, (v) => tRelation(v))} errors={errors} />
        <Field name="targetDate" label={tEditor("targetDate")} hint={tEditor("targetDateHint")} errors={errors}>
          {(p) => <DateInput {...p} />}
        </Field>
        <SelectField name="proposerCountryCode" label={t("proposerCountry")} options={countries} errors={errors} blank={t("notStated")} />
        <SelectField name="proposerPersonId" label={t("proposerPerson")} options={persons} errors={errors} blank={t("notStated")} />
      </div>
      <fieldset aria-describedby={errors.themes ? "create-themes-error" : undefined}>
        <legend className="font-medium">{tEditor("themes")}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {THEMES.map((theme) => (
            <label key={theme} className="flex items-center gap-2">
              <input type="checkbox" name="themes" value={theme} defaultChecked={state.values?.themes?.includes(theme)} aria-invalid={Boolean(errors.themes)} />
              {tTheme(theme)}
            </label>
          ))}
        </div>
        {errors.themes && (
          <p id="create-themes-error" className="mt-1 text-sm font-medium text-red-800">
            {errors.themes.map((key) => errorText(key)).join(" ")}
          </p>
        )}
      </fieldset>
      <details className="rounded border border-slate-300 p-3">
        <summary className="cursor-pointer font-medium">{t("countries")}</summary>
        <p className="mt-1 text-sm text-slate-600">{t("countriesHint")}</p>
        <CountryRoleRows countries={countries.map(({ value, label }) => ({ code: value, name: label }))} className="mt-2" />
      </details>
      <NoteField errors={errors} />
      <SourceFormStatus state={state} />
      <SubmitButton pending={pending}>{t("createInitiative")}</SubmitButton>
    </ActionForm>
  );
}
