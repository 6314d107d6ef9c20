"use client";

import { useTranslations } from "next-intl";
import { withMessages } from "@/components/with-messages";
import { useEffect, useRef, useState } from "react";
import { subscribeAlertAction } from "@/app/actions/alert-actions";
import { subscribeAlertSchema } from "@/lib/alerts/alert-schemas";
import { ALERT_FREQUENCIES, type AlertTarget } from "@/lib/domain/vocabulary";
import { ActionForm, Field, INPUT, SubmitButton, useValidatedForm, useValuesSetBeforeHydration } from "@/components/forms/form-kit";
import { AlertOutcome } from "./alert-outcome";

type FollowFormProps = { target: AlertTarget; targetKey: string; locale: string };

/** E-mail and how often: the visitor's whole part of following something. */
export function FollowForm({ target, targetKey, locale }: FollowFormProps) {
  const t = useTranslations("alerts");
  const { state, errors, pending, form } = useValidatedForm(subscribeAlertAction, subscribeAlertSchema);
  // Controlled, so what was typed survives the answer (React resets uncontrolled forms after an action).
  const [email, setEmail] = useState(() => state.values?.email?.[0] ?? "");
  const [frequency, setFrequency] = useState<string>(() => state.values?.frequency?.[0] ?? "immediate");
  const formElement = useRef<HTMLFormElement>(null);
  // Hydrated late (DeferredUntilUsed): what the reader typed or chose before the script arrived stays.
  useValuesSetBeforeHydration(formElement, { email: setEmail, frequency: setFrequency });
  useEffect(() => {
    if (state.status === "error") formElement.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state, errors]);
  return (
    <ActionForm {...form} ref={formElement} className="mt-3 space-y-4" data-testid="follow-form">
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="targetKey" value={targetKey} />
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" label={t("email")} errors={errors} controlled>
        {(p) => (
          <input {...p} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} className={`${INPUT} max-w-sm`} />
        )}
      </Field>
      <fieldset>
        <legend className="font-medium">{t("frequency")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
          {ALERT_FREQUENCIES.map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name="frequency" value={value} checked={frequency === value} onChange={() => setFrequency(value)} />
              {t(`frequencyOption.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <AlertOutcome state={state} />
      <SubmitButton pending={pending}>{pending ? t("sending") : t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** FollowForm with its strings, as its deferred wrapper loads it. */
export const FollowFormWithMessages = withMessages(FollowForm);
