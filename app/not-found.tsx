import Link from "next/link";
import "./globals.css";

// Reached only for addresses outside any locale; pages inside one use app/[locale]/not-found.tsx.
export default function GlobalNotFound() {
  return (
    <html lang="ru">
      <body className="bg-white font-sans text-slate-900">
        <main className="mx-auto max-w-2xl p-8">
          <h1 className="text-2xl font-bold">Страница не найдена · Page not found</h1>
          <p className="mt-4">
            <Link className="text-blue-800 underline" href="/">
              Обзор
            </Link>{" "}
            ·{" "}
            <Link className="text-blue-800 underline" href="/en">
              Dashboard
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
