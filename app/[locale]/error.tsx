"use client";

import { useSyncExternalStore } from "react";
import { useErrorText } from "@/components/error-text";
import { ClientLink } from "@/lib/i18n/client-link";

// The request id is in the page's <meta> (app/[locale]/layout.tsx); it never changes while the page is open.
const noSubscription = () => () => {};
const readRequestId = () => document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? null;

/** Shown when a page fails on the server: a reference to quote, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useErrorText();
  const requestId = useSyncExternalStore(noSubscription, readRequestId, () => null);
  const reference = [requestId, error.digest].filter(Boolean).join(" / ") || "—";
  return (
    <section role="alert" className="mx-auto max-w-2xl py-12">
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <p className="mt-4 text-lg">{text.body}</p>
      <p className="mt-4">
        {text.reference}: <code data-testid="error-reference">{reference}</code>
      </p>
      <p className="mt-6 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {text.retry}
        </button>
        <ClientLink href="/" className="py-2 text-blue-800 underline">
          {text.home}
        </ClientLink>
      </p>
    </section>
  );
}
