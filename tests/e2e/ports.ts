/**
 * The port the browser tests start the app on, the port of the front in front.spec.ts, the secret it shares with the front in
 * front.spec.ts, and the token that shows /api/health's details (test data).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_FRONT_PORT = Number(process.env.E2E_FRONT_PORT ?? E2E_PORT + 1);
export const E2E_FRONT_SECRET = "e2e-front-secret-only-for-browser-tests-000";
export const E2E_HEALTH_TOKEN = "e2e-health-token-only-for-browser-tests";
