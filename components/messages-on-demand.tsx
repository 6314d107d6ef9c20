"use client";

import dynamic from "next/dynamic";

/** next-intl's provider, its script loaded only where it renders (see EditorMessages). */
export const MessagesOnDemand = dynamic(() => import("next-intl").then((module) => module.NextIntlClientProvider));
