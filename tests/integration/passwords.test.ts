import { afterAll, describe, expect, it } from "vitest";
import { createSession, findSessionUser } from "../../lib/auth/sessions";
import { signIn } from "../../lib/auth/sign-in";
import { changePassword } from "../../lib/users/change-password";
import { findPasswordReset, issuePasswordReset, resetPassword, RESET_LINK_TTL_MS } from "../../lib/users/password-reset";
import { changePasswordSchema, resetPasswordSchema } from "../../lib/users/user-schemas";
import { freshDatabase } from "../helpers/test-database";
import { makeUser, TEST_PASSWORD } from "../helpers/users";

const { prisma } = await freshDatabase("passwords");
afterAll(() => prisma.$disconnect());

const NEW_PASSWORD = "a brand new passphrase 42";
let client = 0;
const signsIn = async (email: string, password: string) => (await signIn(prisma, { email, password }, `test-client-${++client}`)).ok;

describe("changing one's own password", () => {
  it("needs the current password, then ends every other session but keeps this one", async () => {
    const editor = await makeUser(prisma, "editor");
    const here = await createSession(prisma, editor.id);
    const elsewhere = [await createSession(prisma, editor.id), await createSession(prisma, editor.id)];
    const before = await prisma.user.findUniqueOrThrow({ where: { id: editor.id } });

    const wrong = changePasswordSchema.parse({ currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    await expect(changePassword(prisma, editor.id, wrong, here.token)).rejects.toMatchObject({ code: "wrongPassword", field: "currentPassword" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).passwordHash).toBe(before.passwordHash);
    expect(await prisma.session.count({ where: { userId: editor.id } })).toBe(3);

    const same = changePasswordSchema.parse({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD });
    await expect(changePassword(prisma, editor.id, same, here.token)).rejects.toMatchObject({ code: "samePassword", field: "newPassword" });

    const right = changePasswordSchema.parse({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await changePassword(prisma, editor.id, right, here.token)).toEqual({ endedSessions: 2 });
    expect(await findSessionUser(prisma, here.token)).toMatchObject({ id: editor.id });
    for (const session of elsewhere) expect(await findSessionUser(prisma, session.token)).toBeNull();
    expect(await signsIn(editor.email, TEST_PASSWORD)).toBe(false);
    expect(await signsIn(editor.email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses mismatched or short new passwords in the form's schema, naming the field", () => {
    const differ = changePasswordSchema.safeParse({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` });
    expect(differ.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["confirmPassword", "passwordsDiffer"]]);
    const short = changePasswordSchema.safeParse({ currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" });
    expect(short.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["newPassword", "passwordTooShort"]]);
    expect(changePasswordSchema.safeParse({ currentPassword: "", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).error?.issues[0]).toMatchObject({
      path: ["currentPassword"],
      message: "required",
    });
  });

  it("a stolen session cannot guess the password: the 11th wrong try in 15 minutes is refused even when right", async () => {
    const editor = await makeUser(prisma, "editor");
    const wrong = changePasswordSchema.parse({ currentPassword: "guess guess guess", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    for (let i = 0; i < 10; i++) await expect(changePassword(prisma, editor.id, wrong, undefined)).rejects.toMatchObject({ code: "wrongPassword" });
    const right = changePasswordSchema.parse({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    await expect(changePassword(prisma, editor.id, right, undefined)).rejects.toMatchObject({ code: "tooManyPasswordTries" });
    expect(await signsIn(editor.email, TEST_PASSWORD)).toBe(true);
  });
});

describe("an admin-issued one-time reset link", () => {
  const reset = (token: string, password = NEW_PASSWORD) => resetPasswordSchema.parse({ token, newPassword: password, confirmPassword: password });

  it("sets a new password once and ends every session of the account; only the hash is stored", async () => {
    const admin = await makeUser(prisma, "admin");
    const editor = await makeUser(prisma, "editor");
    const sessions = [await createSession(prisma, editor.id), await createSession(prisma, editor.id)];
    const { token, expiresAt, email } = await issuePasswordReset(prisma, admin.id, editor.id);
    expect(email).toBe(editor.email);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(RESET_LINK_TTL_MS - 60_000);
    expect(JSON.stringify(await prisma.passwordReset.findMany())).not.toContain(token);
    expect(await findPasswordReset(prisma, token)).toEqual({ email: editor.email });

    expect(await resetPassword(prisma, reset(token))).toEqual({ email: editor.email });
    for (const session of sessions) expect(await findSessionUser(prisma, session.token)).toBeNull();
    expect(await signsIn(editor.email, NEW_PASSWORD)).toBe(true);
    expect(await signsIn(editor.email, TEST_PASSWORD)).toBe(false);

    // Once only.
    expect(await findPasswordReset(prisma, token)).toBeNull();
    await expect(resetPassword(prisma, reset(token, "yet another passphrase"))).rejects.toMatchObject({ code: "resetLinkInvalid" });
    expect(await signsIn(editor.email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link, a link replaced by a newer one, a deactivated account and an unknown token", async () => {
    const admin = await makeUser(prisma, "admin");
    const editor = await makeUser(prisma, "editor");
    const issued = new Date(Date.now() - RESET_LINK_TTL_MS - 1_000);
    const expired = await issuePasswordReset(prisma, admin.id, editor.id, issued);
    await expect(resetPassword(prisma, reset(expired.token))).rejects.toMatchObject({ code: "resetLinkInvalid" });

    const older = await issuePasswordReset(prisma, admin.id, editor.id);
    const newer = await issuePasswordReset(prisma, admin.id, editor.id);
    await expect(resetPassword(prisma, reset(older.token))).rejects.toMatchObject({ code: "resetLinkInvalid" });

    await prisma.user.update({ where: { id: editor.id }, data: { active: false } });
    expect(await findPasswordReset(prisma, newer.token)).toBeNull();
    await expect(resetPassword(prisma, reset(newer.token))).rejects.toMatchObject({ code: "resetLinkInvalid" });
    await prisma.user.update({ where: { id: editor.id }, data: { active: true } });

    await expect(resetPassword(prisma, reset("A".repeat(43)))).rejects.toMatchObject({ code: "resetLinkInvalid" });
    expect(resetPasswordSchema.safeParse({ token: "../../etc", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).success).toBe(false);
    expect(await signsIn(editor.email, TEST_PASSWORD)).toBe(true);
  });

  it("two uses of one link at once: exactly one sets its password", async () => {
    const admin = await makeUser(prisma, "admin");
    const editor = await makeUser(prisma, "editor");
    const { token } = await issuePasswordReset(prisma, admin.id, editor.id);
    const outcomes = await Promise.allSettled([
      resetPassword(prisma, reset(token, "first parallel passphrase")),
      resetPassword(prisma, reset(token, "second parallel passphrase")),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const winner = outcomes[0]!.status === "fulfilled" ? "first parallel passphrase" : "second parallel passphrase";
    expect(await signsIn(editor.email, winner)).toBe(true);
  });
});
