"use client";

import { useTranslations } from "next-intl";
import { editCountriesAction } from "@/app/actions/initiative-actions";
import type { CountryRole, Stage } from "@/lib/domain/vocabulary";
import { editCountriesSchema } from "@/lib/initiatives/edit-schemas";
import { ActionForm, FormStatus, SubmitButton, useValidatedForm } from "./form-kit";
import { CorrectsField, CountryRoleRows, Hidden, NoteField, type Option } from "./shared-fields";

export function CountriesForm(props: {
  slug: string;
  version: number;
  countries: { code: string; name: string; role: CountryRole | null; stage: Stage | null }[];
  entries: Option[];
}) {
  const t = useTranslations("editor");
  const { state, errors, pending, form } = useValidatedForm(editCountriesAction, editCountriesSchema);
  return (
    <ActionForm {...form} aria-labelledby="countries-form-title" className="space-y-4">
      <h3 id="countries-form-title" className="text-lg font-semibold">
        {t("countriesTitle")}
      </h3>
      {/* The outcome first: a summary of what to fix, or the change that blocked the save. */}
      <FormStatus state={state} />
      <Hidden fields={{ slug: props.slug, version: props.version }} />
      <CountryRoleRows countries={props.countries} />
      <NoteField errors={errors} />
      <CorrectsField errors={errors} entries={props.entries} />
      <SubmitButton pending={pending}>{t("saveCountries")}</SubmitButton>
    </ActionForm>
  );
}
