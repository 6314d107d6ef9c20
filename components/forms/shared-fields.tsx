"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { COUNTRY_ROLES, STAGES, type CountryRole, type Stage } from "@/lib/domain/vocabulary";
import type { QuoteInContext as Context } from "@/lib/sources/quote-context";
import { DataTable } from "../data-table";
import { QuoteInContext } from "../quote-in-context";
import { DateInput, Field, INPUT, useErrorText, useKeptValues, useValuesSetBeforeHydration } from "./form-kit";

export interface Option {
  value: string;
  label: string;
}

interface QuoteFieldsProps {
  errors: Record<string, string[]>;
  sources: Option[];
  /** A quote to start from, e.g. one just accepted on the review page. */
  evidence?: { sourceId: number; text: string } | null;
  /** The places of a quote the source holds more than once, from the server's refusal. */
  occurrences?: Context[];
  /** Names a blank first choice of source, when the quote is optional. */
  blank?: string;
}

/** Evidence for a change: a verbatim quote from a source in the tracker, or a dated, titled link. */
export function EvidenceFields({
  errors,
  sources,
  evidence,
  occurrences,
  link = null,
}: QuoteFieldsProps & {
  /** A link to start from instead (a reader's suggestion's): the link evidence is chosen. */
  link?: string | null;
}) {
  const t = useTranslations("editor");
  const sent = useKeptValues().evidenceType?.[0];
  const [type, setType] = useState<"quote" | "link">(sent === "link" || sent === "quote" ? sent : link && !evidence ? "link" : "quote");
  const fieldset = useRef<HTMLFieldSetElement>(null);
  useValuesSetBeforeHydration(fieldset, { evidenceType: (value) => setType(value === "link" ? "link" : "quote") });
  return (
    <fieldset ref={fieldset} className="space-y-3 rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">{t("evidence")}</legend>
      <div className="flex flex-wrap gap-4">
        {(["quote", "link"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="evidenceType" value={value} checked={type === value} onChange={() => setType(value)} />
            {t(value === "quote" ? "evidenceQuote" : "evidenceLink")}
          </label>
        ))}
      </div>
      {type === "quote" ? (
        <>
          <QuoteFields errors={errors} sources={sources} evidence={evidence} occurrences={occurrences} />
        </>
      ) : (
        <>
          <Field name="evidenceUrl" label={t("evidenceUrl")} errors={errors} defaultValue={link ?? undefined}>
            {(props) => <input {...props} type="url" inputMode="url" placeholder="https://" className={INPUT} />}
          </Field>
          <Field name="evidenceTitle" label={t("evidenceTitle")} errors={errors}>
            {(props) => <input {...props} className={INPUT} />}
          </Field>
          <Field name="evidenceDate" label={t("evidenceDate")} errors={errors}>
            {(props) => <DateInput {...props} />}
          </Field>
        </>
      )}
    </fieldset>
  );
}

/** Which of the places a repeated quote stands in is meant: one radio per occurrence, in its sentence. */
export function OccurrenceChoice({ occurrences, errors }: { occurrences: Context[]; errors: Record<string, string[]> }) {
  const t = useTranslations("editor");
  const errorText = useErrorText();
  const id = useId();
  const messages = errors.quoteOccurrence ?? [];
  return (
    <fieldset className="space-y-2" aria-describedby={messages.length ? `${id}-error` : undefined}>
      <legend className="font-medium">{t("quoteOccurrence")}</legend>
      {messages.length > 0 && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {messages.map((key) => errorText(key)).join(" ")}
        </p>
      )}
      {occurrences.map((occurrence, i) => (
        <label key={i} className="flex items-start gap-2">
          <input
            type="radio"
            name="quoteOccurrence"
            value={i + 1}
            className="mt-1.5"
            aria-invalid={i === 0 && messages.length > 0}
            aria-describedby={messages.length ? `${id}-error` : undefined}
          />
          <span className="min-w-0 break-words">
            <span className="font-medium">{t("quoteOccurrenceNumber", { number: i + 1 })}</span>
            <QuoteInContext context={occurrence} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function NoteField({ errors, required = true, defaultValue }: { errors: Record<string, string[]>; required?: boolean; defaultValue?: string }) {
  const t = useTranslations("editor");
  return (
    <Field name="note" label={required ? t("note") : t("noteOptional")} hint={t("noteHint")} errors={errors} defaultValue={defaultValue}>
      {(props) => <textarea {...props} rows={2} className={INPUT} />}
    </Field>
  );
}

/** Optional: the history entry this change corrects (history itself is never edited). */
export function CorrectsField({ errors, entries }: { errors: Record<string, string[]>; entries: Option[] }) {
  const t = useTranslations("editor");
  return <SelectField name="correctsId" label={t("corrects")} hint={t("correctsHint")} options={entries} errors={errors} blank={t("correctsNone")} />;
}

/** A labelled select of options, with a blank first choice when `blank` names it. */
export function SelectField({
  name,
  label,
  hint,
  options,
  errors,
  defaultValue,
  blank,
}: {
  name: string;
  label: string;
  hint?: string;
  options: Option[];
  errors: Record<string, string[]>;
  defaultValue?: string;
  blank?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} defaultValue={defaultValue ?? (blank !== undefined ? "" : options[0]?.value)}>
      {(props) => (
        <select {...props} className={INPUT}>
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

/** A quote pasted from a source in the tracker, and which of its places is meant when it repeats. */
export function QuoteFields({ errors, sources, evidence, occurrences, blank }: QuoteFieldsProps) {
  const t = useTranslations("editor");
  return (
    <>
      <SelectField
        name="quoteSourceId"
        label={t("source")}
        options={sources}
        errors={errors}
        defaultValue={evidence ? String(evidence.sourceId) : undefined}
        blank={blank}
      />
      <Field name="quoteText" label={t("quoteText")} hint={t("quoteTextHint")} errors={errors} defaultValue={evidence?.text}>
        {(props) => <textarea {...props} rows={3} lang="ru" className={INPUT} />}
      </Field>
      {occurrences && occurrences.length > 1 && <OccurrenceChoice occurrences={occurrences} errors={errors} />}
    </>
  );
}

const CELL = "block w-full rounded border border-slate-400 bg-white px-2 py-1 text-slate-900";

/** Each country's role in an initiative and its own stage: a row of two selects per country. */
export function CountryRoleRows({
  countries,
  className,
}: {
  countries: { code: string; name: string; role?: CountryRole | null; stage?: Stage | null }[];
  className?: string;
}) {
  const t = useTranslations("editor");
  const tRole = useTranslations("role");
  const tStage = useTranslations("stage");
  const kept = useKeptValues();
  return (
    <DataTable caption={t("countriesTitle")} headings={[t("country"), t("role"), t("ownStage")]} look="dense" className={className}>
      {countries.map((country) => (
        <tr key={country.code} className="border-t border-slate-100">
          <th scope="row" className="py-1 pr-3 font-medium">
            {country.name}
          </th>
          <td className="py-1 pr-3">
            <select
              name={`role.${country.code}`}
              aria-label={`${country.name}: ${t("role")}`}
              defaultValue={kept[`role.${country.code}`]?.[0] ?? country.role ?? ""}
              className={CELL}
            >
              <option value="">{t("notInvolved")}</option>
              {COUNTRY_ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRole(role)}
                </option>
              ))}
            </select>
          </td>
          <td className="py-1">
            <select
              name={`stage.${country.code}`}
              aria-label={`${country.name}: ${t("ownStage")}`}
              defaultValue={kept[`stage.${country.code}`]?.[0] ?? country.stage ?? ""}
              className={CELL}
            >
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
    </DataTable>
  );
}

export function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
