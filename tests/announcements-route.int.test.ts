import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { postAnnouncement } from '@/lib/announcements/service';
import { prisma } from '@/lib/db';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The attachment route as the browser gets it: headers, and 404 for whoever may not read it. Only the
// session lookup is replaced (who is signed in); the data and access checks are the real ones.
let signedIn: Actor | null = null;
vi.mock('@/lib/auth/actor', () => ({
  actorForApi: async () => {
    if (!signedIn) throw new AppError('UNAUTHENTICATED');
    return signedIn;
  },
}));
const { GET } = await import('@/app/api/announcements/[id]/attachments/[attachmentId]/route');

const NOW = new Date('2026-11-16T09:00:00Z');
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% nieuwsbrief\n%%EOF\n'));
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const a = await createGroup(school.id, year.id, '2A');
  const b = await createGroup(school.id, year.id, '8A');
  const inA = await createFamily(school.id, year.id, [a.id]);
  const inB = await createFamily(school.id, year.id, [b.id]);
  const id = await postAnnouncement(director.actor, { title: 'Rapport', body: 'Zie bijlage.', kind: 'NOTICE', audience: 'groups', groupIds: [a.id], urgent: false, confirmRead: false, attachments: [{ name: 'Brief groep 2A (definitief).pdf', data: PDF }] }, NOW);
  const file = await prisma.announcementAttachment.findFirstOrThrow({ where: { announcementId: id } });
  return { id, fileId: file.id, inA: inA.guardians[0].actor, inB: inB.guardians[0].actor };
}
beforeAll(async () => {
  w = await world();
});

const get = (id: string, attachmentId: string) => GET(new Request(`http://localhost/api/announcements/${id}/attachments/${attachmentId}`), { params: Promise.resolve({ id, attachmentId }) });

describe('GET /api/announcements/[id]/attachments/[attachmentId]', () => {
  it('serves the file to its reader with its type, name, nosniff and no shared caching', async () => {
    signedIn = w.inA;
    const res = await get(w.id, w.fileId);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'x-content-type-options', 'cache-control', 'content-length'].map((h) => [h, res.headers.get(h)]))).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Brief groep 2A (definitief).pdf"; filename*=UTF-8''Brief%20groep%202A%20%28definitief%29.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-length': String(PDF.byteLength),
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
  });

  it('answers 404 to a parent of another group, for a made-up id, and 401 when signed out', async () => {
    signedIn = w.inB;
    expect((await get(w.id, w.fileId)).status).toBe(404);
    signedIn = w.inA;
    expect((await get(w.id, 'nope')).status).toBe(404);
    expect((await get('../x', w.fileId)).status).toBe(404);
    signedIn = null;
    expect((await get(w.id, w.fileId)).status).toBe(401);
  });
});
