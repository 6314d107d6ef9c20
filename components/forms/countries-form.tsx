"use client";

import { useTranslations } from "next-intl";
import { editCountriesAction } from "@/app/actions/initiative-actions";
import { COUNTRY_ROLES, STAGES, type CountryRole, type Stage } from "@/lib/domain/vocabulary";
import { editCountriesSchema } from "@/lib/initiatives/edit-schemas";
import { FormStatus, SubmitButton, useValidatedForm } from "./form-kit";
import { CorrectsField, Hidden, NoteField, type Option } from "./shared-fields";

const CELL = "block w-full rounded border border-slate-400 bg-white px-2 py-1 text-slate-900";

export function CountriesForm(props: {
  slug: string;
  version: number;
  countries: { code: string; name: string; role: CountryRole | null; stage: Stage | null }[];
  entries: Option[];
}) {
  const t = useTranslations("editor");
  const tRole = useTranslations("role");
  const tStage = useTranslations("stage");
  const { state, errors, formAction, onSubmit, pending } = useValidatedForm(editCountriesAction, editCountriesSchema);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="countries-form-title" className="space-y-4">
      <h3 id="countries-form-title" className="text-lg font-semibold">
        {t("countriesTitle")}
      </h3>
      {/* The outcome first: a summary of what to fix, or the change that blocked the save. */}
      <FormStatus state={state} />
      <Hidden fields={{ slug: props.slug, version: props.version }} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">{t("country")}</th>
              <th scope="col" className="py-1 pr-3">{t("role")}</th>
              <th scope="col" className="py-1">{t("ownStage")}</th>
            </tr>
          </thead>
          <tbody>
            {props.countries.map((country) => (
              <tr key={country.code} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {country.name}
                </th>
                <td className="py-1 pr-3">
                  <select name={`role.${country.code}`} aria-label={`${country.name}: ${t("role")}`} defaultValue={country.role ?? ""} className={CELL}>
                    <option value="">{t("notInvolved")}</option>
                    {COUNTRY_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {tRole(role)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1">
                  <select name={`stage.${country.code}`} aria-label={`${country.name}: ${t("ownStage")}`} defaultValue={country.stage ?? ""} className={CELL}>
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
      <NoteField errors={errors} />
      <CorrectsField errors={errors} entries={props.entries} />
      <SubmitButton pending={pending}>{t("saveCountries")}</SubmitButton>
    </form>
  );
}
