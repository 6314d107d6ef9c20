"use client";

import type { ComponentProps } from "react";
import { DeferredUntilUsed, preloadOnServer } from "@/components/deferred-until-used";
import type { SuggestFormWithMessages } from "./suggestion-forms";

type Props = ComponentProps<typeof SuggestFormWithMessages>;

const loadSuggestForm = preloadOnServer(() => import("./suggestion-forms").then((module) => module.SuggestFormWithMessages));

/** The suggestion form, its script loaded when the reader opens or focuses it (DeferredUntilUsed). */
export function DeferredSuggestForm(props: Props) {
  return <DeferredUntilUsed load={loadSuggestForm} props={props} />;
}
