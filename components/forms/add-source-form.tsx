"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useMemo, useRef, useState, type FormEvent } from "react";
import { addSourceAction, previewSourceAction } from "@/app/actions/source-actions";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { fieldErrors } from "@/lib/forms/form-data";
import { ClientLink as Link } from "@/lib/i18n/client-link";
import { addSourceSchema, previewSourceSchema, sourceFormInput } from "@/lib/sources/source-schemas";
import { ActionForm, Field, INPUT, sentOr, SubmitButton, useErrorText, useValuesSetBeforeHydration } from "./form-kit";
import { useFocusOnError } from "./kept-form";
import { SourceMetadataFields, type SourceMetadata } from "./source-metadata-fields";
import { lookUp } from "@/lib/i18n/look-up";

/**
 * Pasted text or an uploaded file, then the source's details. Posted to the save action before
 * hydration (pasted text only: choosing a file needs the script); once hydrated, submitted by hand
 * so React does not reset it: the chosen file, the text and the details stay as typed after a
 * refusal or a preview.
 */
export function AddSourceForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("intake");
  const [saveState, save, saving] = useActionState(addSourceAction, IDLE);
  const [previewState, preview, previewing] = useActionState(previewSourceAction, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [last, setLast] = useState<"save" | "preview">("save");
  const [origin, setOrigin] = useState<"paste" | "file">("paste");
  // Controlled; a refusal of a form sent before hydration comes back with what was typed.
  const [text, setText] = useState(() => saveState.values?.text?.[0] ?? "");
  const [meta, setMeta] = useState<SourceMetadata>(() =>
    sentOr(saveState.values, { title: "", outlet: "", url: "", publishedOn: "", language: "ru", kind: "" }),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useValuesSetBeforeHydration(formRef, {
    originChoice: (value) => setOrigin(value === "file" ? "file" : "paste"),
    text: setText,
    ...Object.fromEntries(Object.keys(meta).map((key) => [key, (value: string) => setMeta((current) => ({ ...current, [key]: value }))])),
  });

  const serverState = last === "save" ? saveState : previewState;
  const state: ActionState = useMemo(
    () => (clientErrors ? { status: "error", message: "fixFields", fieldErrors: clientErrors } : serverState),
    [clientErrors, serverState],
  );
  const errors = state.fieldErrors ?? {};
  const shownPreview = origin === "file" && previewState.status === "success" ? previewState.preview : undefined;

  // A preview of an HTML page offers its title when none was typed (adjusted while rendering, as React
  // advises for state that follows another value, rather than in an effect).
  const [seenPreview, setSeenPreview] = useState(previewState);
  if (seenPreview !== previewState) {
    setSeenPreview(previewState);
    const title = previewState.preview?.title;
    if (title) setMeta((current) => (current.title ? current : { ...current, title }));
  }

  useFocusOnError(formRef, state);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value === "preview" ? "preview" : "save";
    const formData = new FormData(event.currentTarget);
    const input = sourceFormInput(formData);
    const parsed = (intent === "preview" ? previewSourceSchema : addSourceSchema).safeParse(input);
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    const file = input.file instanceof File ? input.file : null;
    if ((origin === "file" || intent === "preview") && file && file.size > maxBytes) found.file = ["fileTooLarge"];
    setLast(intent);
    if (Object.keys(found).length) {
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    startTransition(() => (intent === "preview" ? preview(formData) : save(formData)));
  };

  const pasteInstead = () => {
    setText(shownPreview?.text ?? "");
    setOrigin("paste");
    if (fileRef.current) fileRef.current.value = "";
  };

  const set = (key: keyof SourceMetadata) => (event: { target: { value: string } }) => setMeta({ ...meta, [key]: event.target.value });
  const megabytes = Math.max(1, Math.floor(maxBytes / 1024 / 1024));

  return (
    <ActionForm ref={formRef} action={save} onSubmit={onSubmit} values={saveState.values} noValidate aria-labelledby="add-source-title" className="space-y-5">
      <h2 id="add-source-title" className="sr-only">
        {t("title")}
      </h2>
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">{t("origin")}</legend>
        <input type="hidden" name="origin" value={origin} />
        <div className="flex flex-wrap gap-4">
          {(["paste", "file"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="originChoice" value={value} checked={origin === value} onChange={() => setOrigin(value)} />
              {t(value === "paste" ? "originPaste" : "originFile")}
            </label>
          ))}
        </div>
        <div hidden={origin !== "file"} className="space-y-3">
          <Field name="file" label={t("file")} hint={t("fileHint", { megabytes })} errors={errors}>
            {(props) => (
              <input
                {...props}
                ref={fileRef}
                type="file"
                accept=".txt,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                className="mt-1 block w-full max-w-full text-sm"
              />
            )}
          </Field>
          <button
            type="submit"
            value="preview"
            disabled={previewing}
            className="rounded border border-blue-800 px-3 py-1.5 font-medium text-blue-900 hover:bg-blue-50 disabled:opacity-60"
          >
            {t("preview")}
          </button>
          {shownPreview && (
            <section aria-labelledby="preview-title" className="rounded border border-slate-300 bg-slate-50 p-3">
              <h3 id="preview-title" className="font-semibold">
                {t("previewTitle")}
              </h3>
              <p className="text-sm text-slate-700">{t("previewType", { type: t(`fileTypes.${shownPreview.type}`) })}</p>
              <div
                tabIndex={0}
                lang={meta.language}
                data-testid="source-preview"
                className="mt-2 max-h-80 overflow-y-auto whitespace-pre-wrap break-words rounded bg-white p-2 text-sm"
              >
                {shownPreview.text}
              </div>
              <button type="button" onClick={pasteInstead} className="mt-2 text-sm font-medium text-blue-800 underline">
                {t("editInstead")}
              </button>
            </section>
          )}
        </div>
        {origin === "paste" && (
          <Field name="text" label={t("text")} hint={t("textHint")} errors={errors} controlled>
            {(props) => <textarea {...props} rows={12} lang={meta.language} value={text} onChange={(e) => setText(e.target.value)} className={INPUT} />}
          </Field>
        )}
      </fieldset>

      <fieldset className="grid gap-4 rounded border border-slate-300 p-3 sm:grid-cols-2">
        <legend className="px-1 font-medium">{t("about")}</legend>
        <SourceMetadataFields values={meta} set={set} errors={errors} />
      </fieldset>

      <SourceFormStatus state={state} />
      <SubmitButton pending={saving}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

/** The outcome, with a link to the saved source or to the one that already has this text. */
export function SourceFormStatus({ state }: { state: ActionState }) {
  const t = useTranslations("actions");
  const errorText = useErrorText();
  const tIntake = useTranslations("intake");
  const tCreate = useTranslations("create");
  if (state.status === "idle" || !state.message) return null;
  const success = state.status === "success";
  const text = lookUp(t, state.message, state.messageValues) ?? errorText(state.message);
  const { sourceId, slug, eventSlug } = state.messageValues ?? {};
  return (
    <div
      role={success ? "status" : "alert"}
      tabIndex={-1}
      data-form-status
      className={`rounded border p-3 ${success ? "border-emerald-700 bg-emerald-50 text-emerald-950" : "border-red-700 bg-red-50 text-red-950"}`}
    >
      <p className="font-medium">{text}</p>
      {sourceId !== undefined && (
        <p className="mt-1 flex flex-wrap gap-x-4">
          {success && (
            <Link href={`/editor/sources/${sourceId}/review`} className="font-medium text-blue-800 underline">
              {tIntake("review")}
            </Link>
          )}
          <Link href={`/sources/${sourceId}`} className="text-blue-800 underline">
            {tIntake(success ? "openSaved" : "openExisting")}
          </Link>
        </p>
      )}
      {success && slug !== undefined && (
        <Link href={`/initiatives/${slug}`} className="mt-1 inline-block font-medium text-blue-800 underline">
          {tCreate("openInitiative")}
        </Link>
      )}
      {success && eventSlug !== undefined && (
        <Link href={`/events/${eventSlug}`} className="mt-1 inline-block font-medium text-blue-800 underline">
          {tCreate("openEvent")}
        </Link>
      )}
    </div>
  );
}
