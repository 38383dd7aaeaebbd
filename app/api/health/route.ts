// Readiness probe for the start script and Playwright: answers without touching the database.
export function GET() {
  return Response.json({ ok: true });
}
