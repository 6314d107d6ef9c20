"use client";

import { useTranslations } from "next-intl";
import { correctEventAction } from "@/app/actions/intake-actions";
import { correctEventSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { ActionForm, Field, INPUT, SubmitButton } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { NoteField, QuoteFields, SelectField, type Option } from "./shared-fields";

export interface EventFormValues {
  nameRu: string;
  nameEn: string;
  placeRu: string;
  placeEn: string;
  dateText: string;
}

/**
 * Corrects an event: names, place, date as stated, attendees removed or one added with the quote
 * that names it. Sent by hand (useKeptForm), so what the editor typed survives a refusal.
 */
export function CorrectEventForm({
  eventId,
  version,
  initial,
  attendees,
  countries,
  sources,
}: {
  eventId: number;
  version: number;
  initial: EventFormValues;
  attendees: Option[];
  countries: Option[];
  sources: Option[];
}) {
  const t = useTranslations("create");
  const { state, errors, pending, form } = useKeptForm(correctEventAction, correctEventSchema);
  const listed = new Set(attendees.map((a) => a.value));
  return (
    <ActionForm {...form} aria-labelledby="correct-event-title" className="space-y-4">
      <h2 id="correct-event-title" className="text-xl font-semibold">
        {t("correctEventTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("correctEventHint")}</p>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="nameRu" label={t("nameRu")} errors={errors} defaultValue={initial.nameRu}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="nameEn" label={t("nameEn")} errors={errors} defaultValue={initial.nameEn}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="placeRu" label={t("placeRu")} errors={errors} defaultValue={initial.placeRu}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="placeEn" label={t("placeEn")} errors={errors} defaultValue={initial.placeEn}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="dateText" label={t("dateText")} errors={errors} defaultValue={initial.dateText}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
      </div>
      {attendees.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="font-medium">{t("removeAttendees")}</legend>
          {errors.removeAttendees && <p className="text-sm font-medium text-red-800">{t("removeAttendeesError")}</p>}
          {attendees.map((attendee) => (
            <label key={attendee.value} className="flex items-center gap-2">
              <input type="checkbox" name="removeAttendees" value={attendee.value} defaultChecked={state.values?.removeAttendees?.includes(attendee.value)} />
              {attendee.label}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("addAttendee")}</legend>
        <SelectField
          name="attendeeCode"
          label={t("attendeeCode")}
          options={countries.filter((country) => !listed.has(country.value))}
          errors={errors}
          blank={t("noAttendee")}
        />
        <QuoteFields errors={errors} sources={sources} occurrences={state.quoteOccurrences} blank="—" />
      </fieldset>
      <NoteField errors={errors} />
      <SourceFormStatus state={state} />
      <SubmitButton pending={pending}>{t("saveEventCorrection")}</SubmitButton>
    </ActionForm>
  );
}
