"use client";

import { useState } from "react";

/** A read-only address to copy: selectable without JavaScript, with a copy button when it runs. */
export function CopyField({ id, label, value, copyLabel, copiedLabel }: { id: string; label: string; value: string; copyLabel: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-slate-50 px-2 py-1.5 font-mono text-sm"
        />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
          className="rounded border border-blue-800 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50"
        >
          {copyLabel}
        </button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-slate-700">
        {copied ? copiedLabel : ""}
      </p>
    </div>
  );
}
