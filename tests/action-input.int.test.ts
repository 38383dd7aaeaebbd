import { describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { childNoteSchema, momentSchema } from '@/lib/records/schemas';
import { inviteSchema } from '@/lib/team/schemas';

// What every server action answers for bad input (lib/access/action.ts): message keys under
// "errors", the same whichever form sent it.
describe('action input', () => {
  it('an empty or missing required field is "required"; a schema’s own message wins', () => {
    expect(parseInput(childNoteSchema, { childId: 'c1' })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { text: ['required'] } });
    expect(parseInput(childNoteSchema, { childId: 'c1', text: '   ' })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { text: ['required'] } });
    // What a form that lacks the field sends: null from FormData.get, NaN from an empty number, no ticks.
    expect(parseInput(childNoteSchema, { childId: null, text: null })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { childId: ['required'], text: ['required'] } });
    expect(parseInput(momentSchema, { childId: 'c1', purpose: 'Extra', date: '2027-03-09', time: '15:00', minutes: null })).toMatchObject({ ok: false, fieldErrors: { minutes: ['outOfRange'] } });
    expect(parseInput(momentSchema, { childId: 'c1', purpose: 'Extra', date: '2027-03-09', time: '15:00', minutes: Number.NaN })).toMatchObject({ ok: false, fieldErrors: { minutes: ['required'] } });
    expect(parseInput(inviteSchema, { email: 'karima@', firstName: 'Karima', lastName: 'El Amrani' })).toMatchObject({ ok: false, fieldErrors: { email: ['invalidEmail'] } });
    expect(parseInput(childNoteSchema, { childId: 'c1', text: 'Sinds kort een bril.', visibleTo: ['TEACHER'] })).toEqual({
      ok: true,
      data: { childId: 'c1', text: 'Sinds kort een bril.', visibleTo: ['TEACHER'], sharedWithOtherHousehold: false },
    });
  });
});
