'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { createRoundSchema } from './schemas';
import { zonedToUtc } from '@/lib/format/time';
import { bookTalks, cancelBooking, createRound } from './service';
import { allocateRound } from './fair';
import { addSlot, inviteNoShows, remindMissing, setAttendance, setSlotBlocked } from './staff';

const id = z.string().min(1).max(40);

/** The round form posts flat fields; blocks come as blockDate/blockFrom/blockTo rows, empty rows ignored. */
function roundInputFrom(formData: FormData) {
  const dates = formData.getAll('blockDate').map(String);
  const from = formData.getAll('blockFrom').map(String);
  const to = formData.getAll('blockTo').map(String);
  const blocks = dates.flatMap((d, i) => (d && from[i] && to[i] ? [{ startsAt: `${d}T${from[i]}`, endsAt: `${d}T${to[i]}` }] : []));
  const locations: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (k.startsWith('location:') && String(v).trim()) locations[k.slice(9)] = String(v);
  return {
    stageId: formData.get('stageId'),
    name: formData.get('name'),
    groupIds: formData.getAll('groupIds').map(String),
    slotMinutes: formData.get('slotMinutes'),
    gapMinutes: formData.get('gapMinutes'),
    walkingMinutes: formData.get('walkingMinutes') || undefined,
    mode: formData.get('mode') || undefined,
    opensAt: formData.get('opensAt'),
    preferencesCloseAt: formData.get('preferencesCloseAt') || undefined,
    deadline: formData.get('deadline'),
    blocks,
    locations,
    splitDuo: formData.getAll('splitDuo').map(String),
    separateTalksAllowed: formData.get('separateTalksAllowed') === 'on',
    inviteInformationOnly: formData.get('inviteInformationOnly') === 'on',
    interpreterDoubleSlot: formData.get('interpreterDoubleSlot') === 'on',
  };
}

export async function createRoundAction(_prev: ActionResult<{ roundId: string; slotCount: number }> | null, formData: FormData): Promise<ActionResult<{ roundId: string; slotCount: number }>> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = createRoundSchema.safeParse(roundInputFrom(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let result;
  try {
    result = await createRound(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/gesprekken');
  return { ok: true, data: { roundId: result.round.id, slotCount: result.slotCount } };
}

/** Runs a staff change and refreshes the day view; domain errors come back as a message key. */
async function dayViewChange(run: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await run();
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/gesprekken/dag');
  return { ok: true };
}

export async function attendanceAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ bookingId: id, attendance: z.enum(['HELD', 'NO_SHOW', 'EXPECTED']) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return dayViewChange(() => setAttendance(actor, parsed.data.bookingId, parsed.data.attendance));
}

export async function blockSlotAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ slotId: id, blocked: z.enum(['true', 'false']) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return dayViewChange(() => setSlotBlocked(actor, parsed.data.slotId, parsed.data.blocked === 'true'));
}

export async function remindAction(_prev: ActionResult<{ sent: number }> | null, formData: FormData): Promise<ActionResult<{ sent: number }>> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ roundId: id, groupId: id, kind: z.enum(['missing', 'noShows']).default('missing') }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  const send = parsed.data.kind === 'noShows' ? inviteNoShows : remindMissing;
  try {
    return { ok: true, data: { sent: await send(actor, parsed.data.roundId, parsed.data.groupId) } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function allocateAction(_prev: ActionResult<{ booked: number; outsidePreference: number; unplaced: number }> | null, formData: FormData): Promise<ActionResult<{ booked: number; outsidePreference: number; unplaced: number }>> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ roundId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    const r = await allocateRound(actor, parsed.data.roundId);
    revalidatePath(`/gesprekken/${parsed.data.roundId}`);
    return { ok: true, data: r };
  } catch (e) {
    return toActionError(e);
  }
}

/** The teacher books on behalf of a family (any time, no opening window). */
export async function bookOnBehalfAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ roundId: id, childId: id, slotId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return dayViewChange(() => bookTalks(actor, { roundId: parsed.data.roundId, items: [{ childId: parsed.data.childId, slotId: parsed.data.slotId }] }));
}

/** Staff cancel a talk, also after the deadline. */
export async function staffCancelAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ bookingId: id }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return dayViewChange(() => cancelBooking(actor, parsed.data.bookingId));
}

export async function addSlotAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z
    .object({ roundGroup: z.string().regex(/^[\w]+:[\w]+$/), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), time: z.string().regex(/^\d{2}:\d{2}$/) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  const [roundId, groupId] = parsed.data.roundGroup.split(':');
  return dayViewChange(() => addSlot(actor, roundId, groupId, zonedToUtc(`${parsed.data.date}T${parsed.data.time}`)));
}
