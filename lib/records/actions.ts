'use server';

import { z } from 'zod';
import { formAction, formFields, idSchema, inputAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { createMoment, deleteMoment } from './moments';
import { savePreparation } from './preparation';
import { setChildLeft, setRetentionMonths } from './retention';
import { agreementResponseSchema, agreementStatusSchema, childNoteSchema, confirmSchema, guidanceEvaluationSchema, guidancePlanSchema, momentSchema, preparationSchema, recordSchema, retentionSchema } from './schemas';
import { addChildNote, confirmRecord, createGuidancePlan, evaluateGuidancePlan, publishRecord, respondToAgreement, saveRecord, setAgreementStatus } from './service';

// The child file's server actions, each in lib/access/action.ts's one shape. Forms about one child
// send its id along (childId) so the file and its sub-pages are refreshed after a success.

const onChild = z.object({ childId: idSchema });
/** The file and its sub-pages (talk record, preparation) after a change. */
const file = ({ childId }: { childId: string }) => [[`/kind/${childId}`, 'layout'] as [string, 'layout']];
/** Services that answer nothing: the action's result carries no data. */
const done = async (p: Promise<unknown>) => {
  await p;
  return undefined;
};

/** Autosave and save: returns the record id so later saves update the same draft. */
export const saveRecordAction = inputAction({
  roles: ROLES.staff,
  schema: recordSchema,
  run: async (actor, input) => ({ recordId: await saveRecord(actor, input) }),
});

export const publishRecordAction = inputAction({
  roles: ROLES.staff,
  schema: onChild.extend({ recordId: idSchema }),
  run: (actor, { recordId }) => done(publishRecord(actor, recordId)),
  revalidate: (input) => `/kind/${input.childId}`,
});

export const agreementStatusAction = formAction({
  roles: ROLES.staff,
  schema: agreementStatusSchema.extend(onChild.shape),
  fields: (form) => formFields(form, ['agreementId', 'status', 'note', 'childId']),
  run: (actor, i) => done(setAgreementStatus(actor, i.agreementId, i.status, i.note)),
  revalidate: file,
});

export const agreementResponseAction = formAction({
  roles: ROLES.guardian,
  schema: agreementResponseSchema.extend(onChild.shape),
  fields: (form) => formFields(form, ['agreementId', 'kind', 'note', 'childId']),
  run: (actor, i) => done(respondToAgreement(actor, i.agreementId, i.kind, i.note)),
  revalidate: file,
});

export const confirmRecordAction = formAction({
  roles: ROLES.guardian,
  schema: confirmSchema.extend(onChild.shape),
  fields: (form) => formFields(form, ['recordId', 'response', 'childId']),
  run: (actor, i) => done(confirmRecord(actor, i.recordId, i.response)),
  revalidate: file,
});

export const addChildNoteAction = formAction({
  roles: ROLES.guardian,
  schema: childNoteSchema,
  fields: (form) => ({ ...formFields(form, ['childId', 'text', 'sharedWithOtherHousehold']), visibleTo: form.getAll('visibleTo').map(String) }),
  run: (actor, i) => done(addChildNote(actor, i.childId, i.text, i.visibleTo, i.sharedWithOtherHousehold)),
  revalidate: file,
});

export const createGuidancePlanAction = formAction({
  roles: ROLES.staff,
  schema: guidancePlanSchema,
  fields: (form) => Object.fromEntries(form),
  run: (actor, i) => done(createGuidancePlan(actor, i)),
  revalidate: file,
});

export const evaluateGuidancePlanAction = formAction({
  roles: ROLES.staff,
  schema: guidanceEvaluationSchema.extend(onChild.shape),
  fields: (form) => formFields(form, ['planId', 'helped', 'decision', 'note', 'childId']),
  run: (actor, i) => done(evaluateGuidancePlan(actor, i.planId, i.helped, i.decision, i.note)),
  revalidate: file,
});

export const savePreparationAction = formAction({
  roles: ROLES.guardian,
  schema: preparationSchema,
  fields: (form) => {
    const pick = (prefix: string) => Object.fromEntries([...form].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), String(v)]));
    return { roundId: form.get('roundId'), childId: form.get('childId'), answers: pick('answer:'), childAnswers: pick('child:') };
  },
  run: (actor, i) => done(savePreparation(actor, i)),
  revalidate: file,
});

export const createMomentAction = formAction({
  roles: ROLES.staff,
  schema: momentSchema,
  fields: (form) => ({ ...Object.fromEntries(form), location: form.get('location') || undefined }),
  run: (actor, i) => done(createMoment(actor, i)),
  revalidate: file,
});

export const deleteMomentAction = formAction({
  roles: ROLES.staff,
  schema: onChild.extend({ momentId: idSchema }),
  fields: (form) => formFields(form, ['momentId', 'childId']),
  run: (actor, i) => done(deleteMoment(actor, i.momentId)),
  revalidate: file,
});

export const setChildLeftAction = formAction({
  roles: ROLES.director,
  schema: onChild.extend({ leftOn: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDateTime')]) }),
  fields: (form) => ({ childId: form.get('childId'), leftOn: form.get('leftOn') ?? '' }),
  run: (actor, { childId, leftOn }) => done(setChildLeft(actor, childId, leftOn ? new Date(leftOn) : null)),
  revalidate: file,
});

export const setRetentionAction = formAction({
  roles: ROLES.director,
  schema: retentionSchema,
  fields: (form) => ({ months: form.get('months') }),
  run: (actor, i) => done(setRetentionMonths(actor, i.months)),
  revalidate: () => '/directie/bewaartermijn',
});
