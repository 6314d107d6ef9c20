"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Shown when a page fails on the server: a reference to quote, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const [requestId, setRequestId] = useState<string | null>(null);
  useEffect(() => {
    setRequestId(document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? null);
  }, []);
  const reference = [requestId, error.digest].filter(Boolean).join(" / ") || "—";
  return (
    <section role="alert" className="mx-auto max-w-2xl py-12">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-lg">{t("body")}</p>
      <p className="mt-4">
        {t("reference")}: <code data-testid="error-reference">{reference}</code>
      </p>
      <p className="mt-6 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t("retry")}
        </button>
        <a href="/" className="py-2 text-blue-800 underline">
          {t("home")}
        </a>
      </p>
    </section>
  );
}
