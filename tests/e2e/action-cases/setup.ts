import { createHash, randomBytes, randomInt } from 'node:crypto';
import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The setup link's form (public: the one-time token in the form is the permission). Allowed: a valid
// token makes a school with its director, and the token is spent; the outsider has a wrong, spent or
// expired token and makes nothing; bad input leaves the token usable. Each case issues its own token
// as `npm start` does (its hash in SetupToken), without retiring any other.

const SETUP = 'lib/setup/actions.ts#completeSetupAction';

async function token(k: Kit, opts: { usedAt?: Date; expiresAt?: Date } = {}) {
  const t = randomBytes(32).toString('base64url');
  const row = await k.db.setupToken.create({ data: { tokenHash: createHash('sha256').update(t).digest('hex'), expiresAt: opts.expiresAt ?? new Date(Date.now() + 3_600_000), usedAt: opts.usedAt ?? null } });
  return { token: t, id: row.id };
}
const brin = () => `${randomInt(10, 100)}${String.fromCharCode(65 + randomInt(26), 65 + randomInt(26))}`;
const fields = (k: Kit, b: string) => {
  const id = k.uid();
  return { boardName: `Stichting ${id}`, name: `OBS Geval ${id}`, brin: b, city: 'Utrecht', timeZone: '', holidayRegion: 'zuid', directorName: 'Anna van den Berg', directorEmail: `Directie-${id}@Cases.test` };
};
const submit = (k: Kit, t: string, f: Record<string, string>) => k.callAt(SETUP, `/setup?token=${encodeURIComponent(t)}`, [null, k.form({ ...f, token: t })]);
const schoolByBrin = (k: Kit, b: string) => () => k.db.school.findMany({ where: { brin: b }, select: { id: true } });
const tokenRow = (k: Kit, id: string) => async () => (await k.db.setupToken.findUniqueOrThrow({ where: { id } })).usedAt;

export const cases: ActionCases = {
  [SETUP]: {
    allowed: async (k) => {
      const { token: t, id } = await token(k);
      const b = brin();
      const f = fields(k, ` ${b.toLowerCase()} `);
      const email = f.directorEmail.toLowerCase();
      expect(await submit(k, t, f)).toEqual({ result: { ok: true, data: { school: f.name, email, linkSent: true } } });
      const school = await k.db.school.findUniqueOrThrow({
        where: { brin: b },
        select: { name: true, city: true, timeZone: true, holidayRegion: true, board: { select: { name: true } }, memberships: { select: { role: true, user: { select: { email: true, firstName: true, prefix: true, lastName: true } } } }, _count: { select: { stages: true } } },
      });
      expect(school).toEqual({
        name: f.name, city: 'Utrecht', timeZone: 'Europe/Amsterdam', holidayRegion: 'zuid', board: { name: f.boardName },
        memberships: [{ role: 'DIRECTOR', user: { email, firstName: 'Anna', prefix: 'van den', lastName: 'Berg' } }], _count: { stages: 5 },
      });
      expect(await tokenRow(k, id)()).not.toBeNull();
      expect(await k.db.outboxMail.findMany({ where: { to: email }, select: { kind: true } })).toEqual([{ kind: 'sign_in_link' }]);
      // The link worked once.
      const again = fields(k, brin());
      expect(await submit(k, t, again)).toEqual({ result: { ok: false, error: 'LINK_INVALID' } });
    },
    outsider: async (k) => {
      // A token nobody issued, one already spent, one expired: LINK_INVALID, no school, no director.
      const spent = await token(k, { usedAt: new Date() });
      const expired = await token(k, { expiresAt: new Date(Date.now() - 60_000) });
      for (const t of [randomBytes(32).toString('base64url'), spent.token, expired.token]) {
        const b = brin();
        const f = fields(k, b);
        await k.unchanged(async () => [await schoolByBrin(k, b)(), await k.db.user.count({ where: { email: f.directorEmail.toLowerCase() } }), await tokenRow(k, expired.id)()], async () => {
          expect(await submit(k, t, f)).toEqual({ result: { ok: false, error: 'LINK_INVALID' } });
        });
      }
    },
    badInput: async (k) => {
      // Field messages; the link stays usable (it is spent only with the school).
      const { token: t, id } = await token(k);
      const b = '1X';
      const taken = brin();
      await k.db.school.update({ where: { slug: await k.newSchool() }, data: { brin: taken } });
      await k.unchanged(async () => [await schoolByBrin(k, b)(), await tokenRow(k, id)(), await k.db.school.count()], async () => {
        expect(await submit(k, t, { ...fields(k, b), name: ' ', timeZone: 'Mars/Olympus', holidayRegion: 'oost', directorName: 'Anna', directorEmail: 'anna@' })).toEqual({
          result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { name: ['required'], brin: ['invalidBrin'], timeZone: ['invalidTimeZone'], holidayRegion: ['invalidRegion'], directorName: ['nameIncomplete'], directorEmail: ['invalidEmail'] } },
        });
        // A BRIN number that is already a school's.
        expect(await submit(k, t, fields(k, taken))).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { brin: ['brinTaken'] } } });
      });
    },
  },
};
