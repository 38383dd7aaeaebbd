// Shared by playwright.config.ts and the specs; no imports, so the config stays light.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_AUTH_SECRET = 'e2e-only-secret-not-used-anywhere-else';
