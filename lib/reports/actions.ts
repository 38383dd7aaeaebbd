'use server';

import { z } from 'zod';
import { formAction, formFields, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { closeAbsence, reportAbsence } from './absence';
import { markHomeChangeHandled, reportHomeChange } from './home-change';
import { decideLeave, requestLeave, withdrawLeave } from './leave';
import { absenceSchema, homeChangeSchema, leaveDecisionSchema, leaveSchema } from './schemas';

const REPORT_PAGES = ['/melden', '/vandaag', '/ouder', '/leerkracht', '/directie'];

export const reportAbsenceAction = formAction({
  roles: ROLES.guardian,
  schema: absenceSchema,
  fields: (form) => formFields(form, ['childId', 'reason', 'note', 'fromDate', 'dayPart', 'expectedBack']),
  run: (actor, input) => reportAbsence(actor, input),
  revalidate: () => REPORT_PAGES,
});

// "Better again": a guardian on /melden, the teacher on /vandaag.
export const closeAbsenceAction = formAction({
  roles: ROLES.anyone,
  schema: z.object({ absenceId: idSchema }),
  fields: (form) => formFields(form, ['absenceId']),
  run: async (actor, { absenceId }) => {
    await closeAbsence(actor, absenceId);
    return undefined;
  },
  revalidate: () => REPORT_PAGES,
});

export const requestLeaveAction = formAction({
  roles: ROLES.guardian,
  schema: leaveSchema,
  fields: (form) => ({ ...formFields(form, ['fromDate', 'toDate', 'reason', 'explanation']), childIds: form.getAll('childIds').map(String).filter(Boolean) }),
  run: (actor, input) => requestLeave(actor, input),
  revalidate: () => [...REPORT_PAGES, '/directie/verlof'],
});

export const withdrawLeaveAction = formAction({
  roles: ROLES.guardian,
  schema: z.object({ requestId: idSchema }),
  fields: (form) => formFields(form, ['requestId']),
  run: async (actor, { requestId }) => {
    await withdrawLeave(actor, requestId);
    return undefined;
  },
  revalidate: () => [...REPORT_PAGES, '/directie/verlof'],
});

export const decideLeaveAction = formAction({
  roles: ROLES.director,
  schema: leaveDecisionSchema,
  fields: (form) => formFields(form, ['requestId', 'decision', 'decisionNote']),
  run: async (actor, input) => {
    await decideLeave(actor, input);
    return undefined;
  },
  revalidate: () => ['/directie/verlof', '/directie', '/vandaag'],
});

export const reportHomeChangeAction = formAction({
  roles: ROLES.guardian,
  schema: homeChangeSchema,
  fields: (form) => ({ ...formFields(form, ['childId', 'kind', 'text']), addToFile: form.get('addToFile') === 'on' }),
  run: (actor, input) => reportHomeChange(actor, input),
  revalidate: () => ['/melden', '/directie/wijzigingen', '/directie'],
});

export const markHomeChangeHandledAction = formAction({
  roles: ROLES.director,
  schema: z.object({ changeId: idSchema }),
  fields: (form) => formFields(form, ['changeId']),
  run: async (actor, { changeId }) => {
    await markHomeChangeHandled(actor, changeId);
    return undefined;
  },
  revalidate: () => ['/directie/wijzigingen', '/directie'],
});
