import { z } from 'zod';
import { idSchema as id } from '@/lib/access/ids';

// Error messages are keys under "errors" in messages/*.json.

export const bookingDetailsSchema = z.object({
  note: z.string().trim().max(500, 'tooLong').optional().transform((v) => v || undefined),
  needsInterpreter: z.boolean().default(false),
  language: z.string().trim().max(60, 'tooLong').optional().transform((v) => v || undefined),
});

export const bookSchema = z
  .object({
    roundId: id,
    items: z.array(z.object({ childId: id, slotId: id })).min(1).max(8),
  })
  .and(bookingDetailsSchema)
  .refine((v) => new Set(v.items.map((i) => i.childId)).size === v.items.length, { message: 'duplicateChild', path: ['items'] })
  .refine((v) => new Set(v.items.map((i) => i.slotId)).size === v.items.length, { message: 'duplicateSlot', path: ['items'] });
type ParsedBook = z.infer<typeof bookSchema>;
export type BookInput = Pick<ParsedBook, 'roundId' | 'items'> & { note?: string; language?: string; needsInterpreter?: boolean };

export const cancelSchema = z.object({ bookingId: id });
export const moveSchema = z.object({ bookingId: id, slotId: id });

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDateTime');

export const createRoundSchema = z
  .object({
    stageId: id,
    name: z.string().trim().min(1, 'required').max(120, 'tooLong'),
    groupIds: z.array(id).min(1, 'required'),
    slotMinutes: z.coerce.number().int().min(5, 'outOfRange').max(120, 'outOfRange'),
    gapMinutes: z.coerce.number().int().min(0, 'outOfRange').max(60, 'outOfRange'),
    walkingMinutes: z.coerce.number().int().min(0, 'outOfRange').max(30, 'outOfRange').default(2),
    mode: z.enum(['FIRST_COME', 'FAIR']).default('FIRST_COME'),
    opensAt: localDateTime,
    preferencesCloseAt: localDateTime.optional(),
    deadline: localDateTime,
    blocks: z.array(z.object({ startsAt: localDateTime, endsAt: localDateTime })).min(1, 'required').max(20),
    locations: z.record(z.string(), z.string().trim().max(200)).default({}),
    splitDuo: z.array(id).default([]),
    separateTalksAllowed: z.boolean().default(false),
    inviteInformationOnly: z.boolean().default(false),
    interpreterDoubleSlot: z.boolean().default(true),
    // The round's rhythm (lib/bookings/slots.ts); a teacher may set their own per schedule later.
    breakAfterTalks: z.coerce.number().int().min(0, 'outOfRange').max(40, 'outOfRange').default(0),
    breakMinutes: z.coerce.number().int().min(0, 'outOfRange').max(90, 'outOfRange').default(0),
    breaks: z.array(z.object({ startsAt: localDateTime, endsAt: localDateTime })).max(20).default([]),
  })
  .refine((v) => v.opensAt < v.deadline, { message: 'deadlineBeforeOpening', path: ['deadline'] })
  .refine((v) => v.mode !== 'FAIR' || (!!v.preferencesCloseAt && v.opensAt < v.preferencesCloseAt && v.preferencesCloseAt < v.deadline), {
    message: 'preferencesWindow',
    path: ['preferencesCloseAt'],
  })
  .refine((v) => v.blocks.every((b) => b.startsAt < b.endsAt), { message: 'blockEndsBeforeStart', path: ['blocks'] })
  .refine((v) => (v.breakAfterTalks > 0) === (v.breakMinutes > 0), { message: 'breakIncomplete', path: ['breakMinutes'] })
  .refine((v) => v.breaks.every((b) => b.startsAt < b.endsAt), { message: 'breakEndsBeforeStart', path: ['breaks'] })
  .refine((v) => v.breaks.every((b) => v.blocks.some((k) => k.startsAt <= b.startsAt && b.endsAt <= k.endsAt)), { message: 'breakOutsideBlock', path: ['breaks'] });
export type CreateRoundInput = Omit<z.infer<typeof createRoundSchema>, 'mode' | 'breakAfterTalks' | 'breakMinutes' | 'breaks'> & {
  mode?: 'FIRST_COME' | 'FAIR';
  breakAfterTalks?: number;
  breakMinutes?: number;
  breaks?: { startsAt: string; endsAt: string }[];
};

/** One schedule's own rhythm (a teacher's): replaces the round's "break after N" and adds fixed breaks. */
export const rhythmSchema = z
  .object({
    roundId: id,
    groupId: id,
    teacherKey: z.string().max(40).default(''),
    breakAfterTalks: z.coerce.number().int().min(0, 'outOfRange').max(40, 'outOfRange'),
    breakMinutes: z.coerce.number().int().min(0, 'outOfRange').max(90, 'outOfRange'),
    breaks: z.array(z.object({ startsAt: localDateTime, endsAt: localDateTime })).max(20).default([]),
  })
  .refine((v) => (v.breakAfterTalks > 0) === (v.breakMinutes > 0), { message: 'breakIncomplete', path: ['breakMinutes'] })
  .refine((v) => v.breaks.every((b) => b.startsAt < b.endsAt), { message: 'breakEndsBeforeStart', path: ['breaks'] });
export type RhythmInput = z.input<typeof rhythmSchema>;

/** A teacher's mark for one pupil in a round; NONE takes the mark away. */
export const wishSchema = z
  .object({
    roundId: id,
    childId: id,
    kind: z.enum(['REQUESTED', 'NOT_NEEDED', 'NONE']),
    doubleSlot: z.boolean().default(false),
    note: z.string().trim().max(300, 'tooLong').optional().transform((v) => v || undefined),
  })
  .refine((v) => !v.doubleSlot || v.kind === 'REQUESTED', { message: 'doubleNeedsRequested', path: ['doubleSlot'] });
export type WishInput = z.input<typeof wishSchema>;

export const preferencesSchema = z.object({ roundId: id, childIds: z.array(id).min(1).max(8), blockIds: z.array(id).min(1, 'pickABlock').max(20) });

/** How long a tapped slot is kept for the parent confirming it. */
export const HOLD_MINUTES = 2;
