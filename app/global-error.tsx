"use client";

/** The last resort when even the layout fails: plain bilingual text, a reference, no details. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="ru">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem" }}>
        <h1>Что-то пошло не так · Something went wrong</h1>
        <p>
          Номер обращения · Reference: <code>{error.digest ?? "—"}</code>
        </p>
        <p>
          {/* This replaces the root layout, so nothing of the app (its router included) may still work: a full page load. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Обзор · Dashboard</a>
        </p>
      </body>
    </html>
  );
}
