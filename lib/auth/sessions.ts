import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/types";
import type { UserRole } from "../domain/vocabulary";

export const SESSION_COOKIE = "tracker_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
}

/** The stored id of a session: the SHA-256 of its cookie token, so a leaked table holds no usable token. */
export function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns the token for the cookie (only its hash is stored). */
export async function createSession(prisma: Db, userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await prisma.session.create({ data: { id: sessionId(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The active user behind a token, or null (unknown, expired, or deactivated). */
export async function findSessionUser(prisma: Db, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 128) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, displayName: true, role: true, active: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await prisma.session.deleteMany({ where: { id: sessionId(token) } });
    return null;
  }
  if (!session.user.active) return null;
  const { active: _active, ...user } = session.user;
  return user;
}

export async function deleteSession(prisma: Db, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId(token) } });
}

/** Ends every session of a user (sign out everywhere, deactivation). */
export async function deleteUserSessions(prisma: Db, userId: number): Promise<number> {
  return (await prisma.session.deleteMany({ where: { userId } })).count;
}

/** Ends every session of a user but the one with this token (a password change keeps its own browser). */
export async function deleteOtherSessions(prisma: Db, userId: number, keepToken: string | undefined): Promise<number> {
  return (await prisma.session.deleteMany({ where: { userId, ...(keepToken ? { id: { not: sessionId(keepToken) } } : {}) } })).count;
}

export async function purgeExpiredSessions(prisma: Db, now = new Date()): Promise<number> {
  return (await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
