import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword, verifyPassword } from "../auth/password";
import { consumeRateLimit } from "../auth/rate-limit";
import { deleteOtherSessions } from "../auth/sessions";
import { UserError } from "./manage-users";
import type { ChangePasswordInput } from "./user-schemas";

/** A stolen session must not become a way to guess the password: 10 wrong tries per 15 minutes. */
const CHANGE_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

/**
 * A signed-in user sets a new password, giving the current one. Every other session of the account
 * ends (a browser someone else holds is signed out); the one making the change stays signed in.
 */
export async function changePassword(
  prisma: PrismaClient,
  userId: number,
  input: ChangePasswordInput,
  currentToken: string | undefined,
): Promise<{ endedSessions: number }> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true, active: true } });
  if (!user || !user.active) throw new UserError("notFound");
  const limit = await consumeRateLimit(prisma, `password-change:user:${userId}`, CHANGE_LIMIT);
  if (!limit.allowed) throw new UserError("tooManyPasswordTries");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new UserError("wrongPassword", "currentPassword");
  if (input.newPassword === input.currentPassword) throw new UserError("samePassword", "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return { endedSessions: await deleteOtherSessions(tx, userId, currentToken) };
  });
}
