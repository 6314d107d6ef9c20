"use client";

import dynamic from "next/dynamic";

/**
 * The editors' forms that public pages render for a signed-in editor. Imported from here, their
 * script (the form kit, zod, next-intl's client) is not among the scripts every reader of the page
 * loads: next/dynamic renders them on the server and preloads their chunks only where they render.
 */
export const CountriesForm = dynamic(() => import("./countries-form").then((module) => module.CountriesForm));
export const CorrectEventForm = dynamic(() => import("./correct-event-form").then((module) => module.CorrectEventForm));
export const CorrectMetricForm = dynamic(() => import("./correct-metric-form").then((module) => module.CorrectMetricForm));
export const CorrectSourceForm = dynamic(() => import("./correct-source-form").then((module) => module.CorrectSourceForm));
export const CreateMetricForm = dynamic(() => import("./create-metric-form").then((module) => module.CreateMetricForm));
export const DetailsForm = dynamic(() => import("./details-form").then((module) => module.DetailsForm));
export const MetricForm = dynamic(() => import("./metric-form").then((module) => module.MetricForm));
export const ResolveSuggestionForm = dynamic(() => import("./suggestion-forms").then((module) => module.ResolveSuggestionForm));
export const ReviewForm = dynamic(() => import("./review-form").then((module) => module.ReviewForm));
export const StatusForm = dynamic(() => import("./status-form").then((module) => module.StatusForm));
export const VerifyForm = dynamic(() => import("./verify-form").then((module) => module.VerifyForm));
