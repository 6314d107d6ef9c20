/**
 * A signed-in editor saving through a real server action (the per-account rate limit, the version
 * compare-and-set, the history entry). Import it with `await import` after setting the environment
 * and mocking next/headers with tests/helpers/action-request.ts.
 */
import { markVerifiedAction } from "../../app/actions/initiative-actions";
import { createSession } from "../../lib/auth/sessions";
import { prisma } from "../../lib/db/prisma";
import { actionSession } from "./action-request";
import { makeUser } from "./users";

/** A new editor whose session the mocked cookies carry from now on. */
export async function signInEditor() {
  const editor = await makeUser(prisma, "editor");
  actionSession.token = (await createSession(prisma, editor.id)).token;
  return editor;
}

/** Marks the initiative verified at the version it has now, as the signed-in editor. */
export async function verify(slug: string) {
  const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } });
  const form = new FormData();
  form.append("slug", slug);
  form.append("version", String(version));
  return markVerifiedAction({ status: "idle" }, form);
}
