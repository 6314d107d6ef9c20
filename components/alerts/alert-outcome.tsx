"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { lookUp } from "@/lib/i18n/look-up";

/** The answer to an alert form: what happened, or what to do about it. */
export function AlertOutcome({ state }: { state: ActionState }) {
  const t = useTranslations("alerts.outcome");
  if (state.status === "idle" || !state.message) return null;
  const text = lookUp(t, state.message, state.messageValues) ?? t("unexpected", { requestId: "—" });
  const success = state.status === "success";
  return (
    <div
      role={success ? "status" : "alert"}
      className={`rounded border p-3 ${success ? "border-emerald-700 bg-emerald-50 text-emerald-950" : "border-red-700 bg-red-50 text-red-950"}`}
    >
      <p className="font-medium">{text}</p>
    </div>
  );
}
