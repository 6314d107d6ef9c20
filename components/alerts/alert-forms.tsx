"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { changeAlertFrequencyAction, confirmAlertAction, unsubscribeAlertAction } from "@/app/actions/alert-actions";
import { IDLE } from "@/lib/actions/action-state";
import { ALERT_FREQUENCIES, type AlertFrequency } from "@/lib/domain/vocabulary";
import { SubmitButton, useValuesSetBeforeHydration } from "@/components/forms/form-kit";
import { AlertOutcome } from "./alert-outcome";

export function ConfirmAlertForm({ token }: { token: string }) {
  const t = useTranslations("alerts");
  const [state, formAction, pending] = useActionState(confirmAlertAction, IDLE);
  return (
    <form action={formAction} className="mt-4 space-y-3">
      <input type="hidden" name="token" value={token} />
      <AlertOutcome state={state} />
      {state.status !== "success" && <SubmitButton pending={pending}>{t("confirm")}</SubmitButton>}
    </form>
  );
}

export function AlertFrequencyForm({ token, frequency }: { token: string; frequency: AlertFrequency }) {
  const t = useTranslations("alerts");
  const [state, formAction, pending] = useActionState(changeAlertFrequencyAction, IDLE);
  const [chosen, setChosen] = useState<AlertFrequency>(frequency);
  const formElement = useRef<HTMLFormElement>(null);
  useValuesSetBeforeHydration(formElement, { frequency: (value) => setChosen(value as AlertFrequency) });
  return (
    <form ref={formElement} action={formAction} className="mt-4 space-y-3">
      <input type="hidden" name="token" value={token} />
      <fieldset>
        <legend className="font-medium">{t("frequency")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
          {ALERT_FREQUENCIES.map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name="frequency" value={value} checked={chosen === value} onChange={() => setChosen(value)} />
              {t(`frequencyOption.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <AlertOutcome state={state} />
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}

export function UnsubscribeAlertForm({ token }: { token: string }) {
  const t = useTranslations("alerts");
  const [state, formAction, pending] = useActionState(unsubscribeAlertAction, IDLE);
  return (
    <form action={formAction} className="mt-4 space-y-3">
      <input type="hidden" name="token" value={token} />
      <AlertOutcome state={state} />
      {state.status !== "success" && <SubmitButton pending={pending}>{t("unsubscribe")}</SubmitButton>}
    </form>
  );
}
