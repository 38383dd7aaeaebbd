import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Role } from '@/generated/prisma/client';
import { type Actor, requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';

// One shape for every server action (after saas-starter's validatedActionWithUser and formbricks'
// guarded actions): who may call → zod parse, once → the service, which takes the actor and decides
// about the row → a typed result whose error is a message key; unexpected errors are logged
// (toActionError) and answered generically. Revalidation runs only after a success.

type Spec<S extends z.ZodType, T> = {
  /** Who may call; others get a 404 page (requireRole). Empty: anyone signed in. */
  roles: readonly Role[];
  schema: S;
  run: (actor: Actor, input: z.output<S>) => Promise<T>;
  /** Paths to refresh after a success. */
  revalidate?: (input: z.output<S>, result: T) => string | (string | [string, 'layout' | 'page'])[] | undefined;
  /** Where to go after a success (a new row's page); outside the error handling, since Next throws it. */
  redirectTo?: (input: z.output<S>, result: T) => string;
};

// A form that lacks a field sends null (FormData.get), '' or NaN (a number left empty).
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v));

/**
 * zod's issue as a message key, for the issues a schema gives no message of its own: a field left
 * empty is "required", a value outside a list "invalidChoice", and so on; never zod's English default.
 */
function messageKeyOf(issue: z.core.$ZodRawIssue): string {
  if (isEmpty(issue.input) || (issue.code === 'too_small' && issue.origin === 'array' && issue.minimum === 1)) return 'required';
  switch (issue.code) {
    case 'invalid_value':
      return 'invalidChoice';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'outOfRange';
    case 'too_small':
      return issue.origin === 'string' ? 'tooShort' : 'outOfRange';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalidEmail' : 'invalidFormat';
    default:
      return 'INVALID_INPUT';
  }
}

/** zod, once; every field error a message key (one of each: two rules failing alike say it once). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.output<S> } | { ok: false; error: 'INVALID_INPUT'; fieldErrors: Record<string, string[]> } {
  const parsed = schema.safeParse(raw, { error: messageKeyOf });
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
  return { ok: false, error: 'INVALID_INPUT', fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, [...new Set(v)]])) };
}

async function guarded<S extends z.ZodType, T>(spec: Spec<S, T>, raw: unknown): Promise<ActionResult<T>> {
  const actor = await requireRole(...spec.roles);
  const parsed = parseInput(spec.schema, raw);
  if (!parsed.ok) return parsed;
  let result: T;
  try {
    result = await spec.run(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  const paths = spec.revalidate?.(parsed.data, result);
  for (const p of typeof paths === 'string' ? [paths] : (paths ?? [])) {
    if (typeof p === 'string') revalidatePath(p);
    else revalidatePath(p[0], p[1]);
  }
  if (spec.redirectTo) redirect(spec.redirectTo(parsed.data, result));
  return { ok: true, data: result };
}

/** An action called with a plain object (autosave, client code). */
export function inputAction<S extends z.ZodType, T>(spec: Spec<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => guarded(spec, input);
}

/** A form's action (useActionState): `fields` picks what the schema reads from the FormData. */
export function formAction<S extends z.ZodType, T>(spec: Spec<S, T> & { fields: (form: FormData) => unknown }) {
  return async (_prev: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => guarded(spec, spec.fields(form));
}

/** FormData as a plain object of its single values (empty strings dropped), for `fields`. */
export function formFields(form: FormData, names: readonly string[]) {
  return Object.fromEntries(names.map((n) => [n, form.get(n)]).filter(([, v]) => v !== null && v !== ''));
}

export { idSchema } from './ids';
