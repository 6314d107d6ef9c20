/** The port the browser tests start the app on, and the secret it shares with the front in front.spec.ts (test data). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_FRONT_SECRET = "e2e-front-secret-only-for-browser-tests-000";
