"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { acceptPassageAction, rejectPassageAction } from "@/app/actions/source-actions";
import { SPEAKER_KINDS, type SpeakerKind } from "@/lib/domain/vocabulary";
import { acceptPassageSchema, rejectPassageSchema } from "@/lib/matcher/passage-schemas";
import { SourceFormStatus } from "./add-source-form";
import { ActionForm, Field, INPUT, useValuesSetBeforeHydration } from "./form-kit";
import { useKeptForm } from "./kept-form";
import type { Option } from "./shared-fields";

interface Passage {
  sourceId: number;
  start: number;
  end: number;
}

/** Accepts a proposed passage as a quote of the initiative, with who says it. */
export function AcceptPassageForm({
  passage,
  slug,
  version,
  persons,
  events,
  label,
}: {
  passage: Passage;
  slug: string;
  version: number;
  persons: Option[];
  /** Events other than the initiative's own, at which the passage may say it was announced again. */
  events: Option[];
  label: string;
}) {
  const t = useTranslations("review");
  const { state, errors, pending, form } = useKeptForm(acceptPassageAction, acceptPassageSchema);
  return (
    <ActionForm {...form} aria-label={`${t("accept")}: ${label}`} className="space-y-3">
      <input type="hidden" name="sourceId" value={passage.sourceId} />
      <input type="hidden" name="start" value={passage.start} />
      <input type="hidden" name="end" value={passage.end} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <SpeakerFields errors={errors} persons={persons} />
      {events.length > 0 && (
        <Field name="reannouncedAtEventId" label={t("reannouncedAt")} hint={t("reannouncedAtHint")} errors={errors} defaultValue="">
          {(props) => (
            <select {...props} className={INPUT}>
              <option value="">{t("notReannounced")}</option>
              {events.map((event) => (
                <option key={event.value} value={event.value}>
                  {event.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field name="note" label={t("note")} errors={errors}>
        {(props) => <input {...props} className={INPUT} />}
      </Field>
      <SourceFormStatus state={state} />
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
        {t("accept")}
      </button>
    </ActionForm>
  );
}

/** Who says a passage: the author, or an official or expert with their person and the attribution as written. */
export function SpeakerFields({ errors, persons }: { errors: Record<string, string[]>; persons: Option[] }) {
  const t = useTranslations("review");
  const [kind, setKind] = useState<SpeakerKind>("narrator");
  const fields = useRef<HTMLDivElement>(null);
  useValuesSetBeforeHydration(fields, { speakerKind: (value) => setKind(value as SpeakerKind) });
  return (
    <div ref={fields} className="grid gap-3 sm:grid-cols-3">
      <Field name="speakerKind" label={t("speaker")} errors={errors}>
        {(props) => (
          <select {...props} value={kind} onChange={(event) => setKind(event.target.value as SpeakerKind)} className={INPUT}>
            {SPEAKER_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`speakerKinds.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind !== "narrator" && (
        <Field name="speakerPersonId" label={t("person")} errors={errors} defaultValue="">
          {(props) => (
            <select {...props} className={INPUT}>
              <option value="">{t("personNone")}</option>
              {persons.map((person) => (
                <option key={person.value} value={person.value}>
                  {person.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {kind !== "narrator" && (
        <Field name="attribution" label={t("attribution")} errors={errors}>
          {(props) => <input {...props} lang="ru" className={INPUT} />}
        </Field>
      )}
    </div>
  );
}

/** Turns a proposal down (for this initiative, or as a new commitment). */
export function RejectPassageForm({
  passage,
  initiativeId,
  label,
  asCommitment = false,
}: {
  passage: Passage;
  initiativeId: number | null;
  label: string;
  asCommitment?: boolean;
}) {
  const t = useTranslations("review");
  const { state, errors, pending, form } = useKeptForm(rejectPassageAction, rejectPassageSchema);
  const button = asCommitment ? t("rejectCommitment") : t("reject");
  return (
    <ActionForm {...form} aria-label={`${button}: ${label}`} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="sourceId" value={passage.sourceId} />
      <input type="hidden" name="start" value={passage.start} />
      <input type="hidden" name="end" value={passage.end} />
      <input type="hidden" name="initiativeId" value={initiativeId ?? ""} />
      <div className="min-w-0 flex-1">
        <Field name="reason" label={t("reason")} errors={errors}>
          {(props) => <input {...props} className={INPUT} />}
        </Field>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-500 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {button}
      </button>
      <div className="w-full">
        <SourceFormStatus state={state} />
      </div>
    </ActionForm>
  );
}
