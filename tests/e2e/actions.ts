import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encode } from 'next-auth/jwt';
import { db } from './support';
import { E2E_AUTH_SECRET, E2E_BASE_URL } from './env';

// Server actions called the way the browser calls them: over HTTP to a page that uses the action,
// with the `Next-Action` header, the arguments encoded by React's own encodeReply, and a real session
// cookie, so the session → actor path, zod and the service all run as in production. The action ids
// and the files they come from are read from the build (server-reference-manifest.json): every action
// the app has is in that list, so a new one cannot hide from the tests that walk it.

const require = createRequire(import.meta.url);
// The production build of React's client, like the browser's (the server sends production rows).
const flight = require('next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.edge.production.js') as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
  createFromReadableStream: (s: ReadableStream, o: unknown) => Promise<{ a?: Promise<unknown> }>;
};

export type ServerAction = { id: string; file: string; name: string; path: string };

/** Every server action in the build, with a page that serves it (route groups removed). */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')).node as Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  return Object.entries(manifest)
    .map(([id, v]) => {
      const pages = Object.keys(v.workers).map((w) => w.replace(/^app/, '').replace(/\/\([^)]+\)/g, '').replace(/\/page$/, '') || '/');
      const path = (pages.find((p) => !p.includes('[')) ?? pages[0]).replace(/\[[^\]]+\]/g, 'x');
      return { id, file: v.filename, name: v.exportedName, path };
    })
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

/** A session cookie for a user, made as a sign-in makes it (the sign-in itself is tested elsewhere). */
export async function sessionCookie(userId: string) {
  const sid = randomUUID();
  await db.userSession.create({ data: { id: sid, userId } });
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret: E2E_AUTH_SECRET })}`;
}

export type ActionAnswer = { redirect: string } | { notFound: true } | { result: unknown } | { thrown: string };

/** Calls the action with these arguments as `cookie`'s user (none: signed out). */
export async function callAction(action: ServerAction, args: unknown[], cookie?: string): Promise<ActionAnswer> {
  const res = await fetch(`${E2E_BASE_URL}${action.path}`, {
    method: 'POST',
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', ...(cookie ? { cookie } : {}) },
    body: await flight.encodeReply(args) as BodyInit,
    redirect: 'manual',
  });
  const redirect = res.headers.get('x-action-redirect');
  if (redirect) return { redirect: redirect.split(';')[0] };
  const text = await res.text();
  if (res.status === 404 || text.trim() === '{}') return { notFound: true };
  // The answer carries the page's client components too; they are never rendered here, so every
  // module id resolves to a stand-in.
  const moduleMap = new Proxy({}, { get: (_, id) => new Proxy({}, { get: (__, name) => ({ id, chunks: [], name }) }) });
  const root = await flight.createFromReadableStream(new Response(text).body!, { serverConsumerManifest: { moduleMap, serverModuleMap: null, moduleLoading: null } });
  try {
    return { result: await root.a };
  } catch (e) {
    return { thrown: e instanceof Error ? e.message : String(e) };
  }
}
