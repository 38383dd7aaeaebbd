import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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
    // An id sent empty fails two of its rules alike: said once.
    expect(parseInput(childNoteSchema, { childId: '', text: 'Bril' })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { childId: ['required'] } });
    expect(parseInput(childNoteSchema, { childId: 'c1', text: 'Sinds kort een bril.', visibleTo: ['TEACHER'] })).toEqual({
      ok: true,
      data: { childId: 'c1', text: 'Sinds kort een bril.', visibleTo: ['TEACHER'], sharedWithOtherHousehold: false },
    });
  });

  it('a value outside the list, a number out of range, a wrong type: message keys too, never zod\'s English', () => {
    expect(parseInput(childNoteSchema, { childId: 'c1', text: 'Bril', visibleTo: ['NOBODY'] })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { visibleTo: ['invalidChoice'] } });
    const plain = z.object({ kind: z.enum(['A', 'B']), n: z.number().max(5), name: z.string().min(3).max(5), when: z.iso.date(), flag: z.boolean() });
    expect(parseInput(plain, { kind: 'C', n: 9, name: 'ab', when: '2027-13-45', flag: 'yes' })).toEqual({
      ok: false,
      error: 'INVALID_INPUT',
      fieldErrors: { kind: ['invalidChoice'], n: ['outOfRange'], name: ['tooShort'], when: ['invalidFormat'], flag: ['INVALID_INPUT'] },
    });
    expect(parseInput(plain, { kind: 'A', n: 1, name: 'abcdef', when: '2027-01-05', flag: true })).toMatchObject({ fieldErrors: { name: ['tooLong'] } });
  });
});
