"use client";

/** Opens the browser's print dialog (which can also save a PDF); hidden when printing. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-blue-800 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50"
    >
      {label}
    </button>
  );
}
