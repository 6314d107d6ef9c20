"use client";

import { useTranslations } from "next-intl";
import { createInitiativeAction } from "@/app/actions/intake-actions";
import { COUNTRY_ROLES, INITIATIVE_KINDS, INITIATIVE_STATUSES, MEETING_RELATIONS, STAGES, THEMES } from "@/lib/domain/vocabulary";
import { createInitiativeSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { DateInput, Field, INPUT } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { SpeakerFields } from "./passage-forms";
import type { Option } from "./shared-fields";

const CELL = "block w-full rounded border border-slate-400 bg-white px-2 py-1 text-slate-900";

function Select({ name, label, options, errors, defaultValue, blank }: { name: string; label: string; options: Option[]; errors: Record<string, string[]>; defaultValue?: string; blank?: string }) {
  return (
    <Field name={name} label={label} errors={errors}>
      {(props) => (
        <select {...props} defaultValue={defaultValue ?? (blank !== undefined ? "" : options[0]?.value)} className={INPUT}>
          {blank !== undefined && <option value="">{blank}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

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
  const tRole = useTranslations("role");
  const tRelation = useTranslations("meetingRelation");
  const tErrors = useTranslations("errors");
  const { state, errors, onSubmit, pending, formRef } = useKeptForm(createInitiativeAction, createInitiativeSchema);
  const options = (values: readonly string[], label: (value: string) => string) => values.map((value) => ({ value, label: label(value) }));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="create-initiative-title" className="space-y-5">
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
        <Field name="summaryRu" label={tEditor("summaryRu")} errors={errors}>
          {(p) => <textarea {...p} lang="ru" rows={4} defaultValue={passage.language === "ru" ? passage.text : ""} className={INPUT} />}
        </Field>
        <Field name="summaryEn" label={tEditor("summaryEn")} errors={errors}>
          {(p) => <textarea {...p} lang="en" rows={4} defaultValue={passage.language === "en" ? passage.text : ""} className={INPUT} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Select name="kind" label={t("kind")} options={options(INITIATIVE_KINDS, (v) => tKind(v as never))} errors={errors} />
        <Select name="status" label={t("status")} options={options(INITIATIVE_STATUSES, (v) => tStatus(v as never))} errors={errors} />
        <Select name="stage" label={t("stage")} options={options(STAGES, (v) => tStage(v as never))} errors={errors} blank="—" />
        <Select name="eventId" label={t("event")} options={events} errors={errors} />
        <Select name="meetingRelation" label={t("relation")} options={options(MEETING_RELATIONS, (v) => tRelation(v as never))} errors={errors} />
        <Field name="targetDate" label={tEditor("targetDate")} hint={tEditor("targetDateHint")} errors={errors}>
          {(p) => <DateInput {...p} />}
        </Field>
        <Select name="proposerCountryCode" label={t("proposerCountry")} options={countries} errors={errors} blank={t("notStated")} />
        <Select name="proposerPersonId" label={t("proposerPerson")} options={persons} errors={errors} blank={t("notStated")} />
      </div>
      <fieldset aria-describedby={errors.themes ? "create-themes-error" : undefined}>
        <legend className="font-medium">{tEditor("themes")}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {THEMES.map((theme) => (
            <label key={theme} className="flex items-center gap-2">
              <input type="checkbox" name="themes" value={theme} aria-invalid={Boolean(errors.themes)} />
              {tTheme(theme)}
            </label>
          ))}
        </div>
        {errors.themes && (
          <p id="create-themes-error" className="mt-1 text-sm font-medium text-red-800">
            {errors.themes.map((key) => (tErrors.has(key) ? tErrors(key) : tErrors("invalid"))).join(" ")}
          </p>
        )}
      </fieldset>
      <details className="rounded border border-slate-300 p-3">
        <summary className="cursor-pointer font-medium">{t("countries")}</summary>
        <p className="mt-1 text-sm text-slate-600">{t("countriesHint")}</p>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">{tEditor("country")}</th>
                <th scope="col" className="py-1 pr-3">{tEditor("role")}</th>
                <th scope="col" className="py-1">{tEditor("ownStage")}</th>
              </tr>
            </thead>
            <tbody>
              {countries.map((country) => (
                <tr key={country.value} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-medium">
                    {country.label}
                  </th>
                  <td className="py-1 pr-3">
                    <select name={`role.${country.value}`} aria-label={`${country.label}: ${tEditor("role")}`} defaultValue="" className={CELL}>
                      <option value="">{tEditor("notInvolved")}</option>
                      {COUNTRY_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {tRole(role)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1">
                    <select name={`stage.${country.value}`} aria-label={`${country.label}: ${tEditor("ownStage")}`} defaultValue="" className={CELL}>
                      <option value="">—</option>
                      {STAGES.map((stage) => (
                        <option key={stage} value={stage}>
                          {tStage(stage)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <Field name="note" label={tEditor("note")} hint={tEditor("noteHint")} errors={errors}>
        {(p) => <textarea {...p} rows={2} className={INPUT} />}
      </Field>
      <SourceFormStatus state={state} />
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
        {t("createInitiative")}
      </button>
    </form>
  );
}
