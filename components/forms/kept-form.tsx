"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import type { z } from "zod";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { fieldErrors, formDataToInput } from "@/lib/forms/form-data";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** After a refusal, the first field in error (or the status message) takes the focus, whoever found the error. */
export function useFocusOnError(formRef: RefObject<HTMLFormElement | null>, state: ActionState) {
  useEffect(() => {
    if (state.status !== "error") return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? formRef.current?.querySelector<HTMLElement>("[data-form-status]"))?.focus();
  }, [formRef, state]);
}

/**
 * A form for ActionForm: `formAction` is its `action`, so it posts before the page's JavaScript has
 * loaded (and the page comes back with the answer and what was typed). Once hydrated, `onSubmit`
 * prevents that post and sends the form by hand, so React does not reset it: what the editor typed
 * or chose stays after a refusal. The schema checks in the browser first, and the first field in
 * error (or the status message) takes the focus.
 */
export function useKeptForm(action: Action, schema: z.ZodType, toInput: (formData: FormData) => Record<string, unknown> = formDataToInput) {
  const [serverState, formAction, pending] = useActionState(action, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const state: ActionState = useMemo(
    () => (clientErrors ? { status: "error", message: "fixFields", fieldErrors: clientErrors } : serverState),
    [clientErrors, serverState],
  );

  useFocusOnError(formRef, state);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const parsed = schema.safeParse(toInput(formData));
    if (!parsed.success) {
      setClientErrors(fieldErrors(parsed.error));
      return;
    }
    setClientErrors(null);
    startTransition(() => formAction(formData));
  };
  // ActionForm's props: `<ActionForm {...form} …>`.
  const form = { ref: formRef, action: formAction, onSubmit, values: serverState.values, noValidate: true };
  return { state, errors: state.fieldErrors ?? {}, pending, form };
}
