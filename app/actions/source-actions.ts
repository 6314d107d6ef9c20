"use server";

import "server-only";
import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { acceptPassageSchema, rejectPassageSchema } from "@/lib/matcher/passage-schemas";
import { acceptPassage, rejectPassage } from "@/lib/matcher/review-passages";
import { addSource, correctSource, extractUpload } from "@/lib/sources/add-source";
import { addSourceSchema, correctSourceSchema, previewSourceSchema, sourceFormInput } from "@/lib/sources/source-schemas";

/** Extracts an uploaded file's text for the editor to check before saving; writes nothing. */
export async function previewSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "source:add",
    schema: previewSourceSchema,
    toInput: sourceFormInput,
    writes: false,
    run: async (input) => {
      const extracted = await extractUpload(input.file, getEnv().SOURCE_MAX_BYTES);
      return {
        message: "previewReady",
        messageValues: { characters: extracted.text.length },
        preview: { text: extracted.text, title: extracted.title, type: extracted.type, size: extracted.size },
      };
    },
  });
}

export async function addSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "source:add",
    schema: addSourceSchema,
    toInput: sourceFormInput,
    run: async (input, user) => {
      const { id, tags } = await addSource(prisma, user, input, { maxBytes: getEnv().SOURCE_MAX_BYTES });
      return { message: "sourceSaved", messageValues: { sourceId: id }, tags };
    },
  });
}

export async function correctSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "source:add",
    schema: correctSourceSchema,
    run: async (input, user) => {
      const { version, tags } = await correctSource(prisma, user, input);
      return { message: "saved", messageValues: { version }, tags };
    },
  });
}

export async function acceptPassageAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: acceptPassageSchema,
    run: async (input, user) => {
      const { version, quoteId, tags } = await acceptPassage(prisma, user, input);
      return { message: input.reannouncedAtEventId ? "reannouncementRecorded" : "passageAccepted", messageValues: { version, quoteId }, tags };
    },
  });
}

export async function rejectPassageAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "source:add",
    schema: rejectPassageSchema,
    run: async (input, user) => {
      const { tags } = await rejectPassage(prisma, user, input);
      return { message: "passageRejected", tags };
    },
  });
}
