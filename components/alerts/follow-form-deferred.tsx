"use client";

import type { ComponentProps } from "react";
import { DeferredUntilUsed, preloadOnServer } from "@/components/deferred-until-used";
import type { FollowFormWithMessages } from "./follow-form";

type Props = ComponentProps<typeof FollowFormWithMessages>;

const loadFollowForm = preloadOnServer(() => import("./follow-form").then((module) => module.FollowFormWithMessages));

/** The follow form, its script loaded when the reader first touches or focuses it (DeferredUntilUsed). */
export function DeferredFollowForm(props: Props) {
  return <DeferredUntilUsed load={loadFollowForm} props={props} />;
}
