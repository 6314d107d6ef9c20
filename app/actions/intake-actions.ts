"use server";

import "server-only";
import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { correctEvent } from "@/lib/events/correct-event";
import { createEvent } from "@/lib/events/create-event";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { correctEventSchema, correctMetricSchema, createEventSchema, createInitiativeSchema, createMetricSchema } from "@/lib/intake/create-schemas";
import { correctMetric } from "@/lib/metrics/correct-metric";
import { createMetric } from "@/lib/metrics/create-metric";

/** A new initiative started from a passage of a source (the review page's "start a new initiative"). */
export async function createInitiativeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: createInitiativeSchema,
    run: async (input, user) => {
      const { slug, tags } = await createInitiative(prisma, user, input);
      return { message: "initiativeCreated", messageValues: { slug }, tags };
    },
  });
}

export async function createEventAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: createEventSchema,
    run: async (input, user) => {
      const { slug, tags } = await createEvent(prisma, user, input);
      return { message: "eventCreated", messageValues: { eventSlug: slug }, tags };
    },
  });
}

/** An editor corrects an event's names, place, date or attendees (decision 035). */
export async function correctEventAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: correctEventSchema,
    run: async (input, user) => {
      const { version, tags } = await correctEvent(prisma, user, input);
      return { message: "saved", messageValues: { version }, tags };
    },
  });
}

export async function createMetricAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: createMetricSchema,
    run: async (input, user) => {
      const { version, tags } = await createMetric(prisma, user, input);
      return { message: "metricCreated", messageValues: { version }, tags };
    },
  });
}

/** An editor corrects a figure's details with the quote that states them (decision 037). */
export async function correctMetricAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: correctMetricSchema,
    run: async (input, user) => {
      const { version, tags } = await correctMetric(prisma, user, input);
      return { message: "saved", messageValues: { version }, tags };
    },
  });
}
