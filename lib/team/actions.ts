'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { endGuardianshipSchema, groupTeachersSchema, inviteSchema, memberSchema } from './schemas';
import { deactivateStaff, endGuardianship, FieldError, inviteStaff, resetSignIn, setGroupTeachers } from './service';

const baseUrl = () => process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

function failed(e: unknown): ActionResult {
  if (e instanceof FieldError) return { ok: false, error: 'INVALID_INPUT', fieldErrors: { [e.field]: [e.messageKey] } };
  return toActionError(e);
}

async function run(parse: () => { success: true } | { success: false; error: z.ZodError }, write: () => Promise<unknown>, path: string): Promise<ActionResult> {
  const parsed = parse();
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  try {
    await write();
  } catch (e) {
    return failed(e);
  }
  revalidatePath(path);
  return { ok: true };
}

export async function inviteStaffAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = inviteSchema.safeParse(Object.fromEntries(formData));
  return run(() => parsed, () => inviteStaff(actor, parsed.data!, baseUrl()), '/directie/team');
}

export async function deactivateStaffAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = memberSchema.safeParse(Object.fromEntries(formData));
  return run(() => parsed, () => deactivateStaff(actor, parsed.data!.membershipId), '/directie/team');
}

export async function resetSignInAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = memberSchema.safeParse(Object.fromEntries(formData));
  return run(() => parsed, () => resetSignIn(actor, parsed.data!.membershipId), '/directie/team');
}

export async function groupTeachersAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = groupTeachersSchema.safeParse({ groupId: formData.get('groupId'), userIds: formData.getAll('userIds') });
  return run(() => parsed, () => setGroupTeachers(actor, parsed.data!.groupId, parsed.data!.userIds), '/directie/team');
}

export async function endGuardianshipAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = endGuardianshipSchema.safeParse(Object.fromEntries(formData));
  const childId = String(formData.get('childId') ?? '');
  return run(() => parsed, () => endGuardianship(actor, parsed.data!), childId ? `/kind/${childId}` : '/directie/team');
}
