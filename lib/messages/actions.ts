'use server';

import { formAction, formFields } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { closeSchema, complaintSchema, escalateSchema, handOverSchema, questionSchema, replySchema, startSchema, WEEKDAYS, workingHoursSchema } from './schemas';
import { askQuestion, escalateComplaint, handOver, postMessage, raiseComplaint, setThreadClosed, startConversation } from './service';
import { saveWorkingHours } from './working-hours';

const threadPath = (id: string) => `/berichten/${id}`;

export const askQuestionAction = formAction({
  roles: ROLES.guardian,
  schema: questionSchema,
  fields: (form) => formFields(form, ['about', 'subject', 'body']),
  run: (actor, input) => askQuestion(actor, input),
  revalidate: () => '/berichten',
  redirectTo: (_, r) => `${threadPath(r.threadId)}?verstuurd=1`,
});

export const raiseComplaintAction = formAction({
  roles: ROLES.guardian,
  schema: complaintSchema,
  fields: (form) => formFields(form, ['childId', 'to', 'concernsUserId', 'subject', 'body']),
  run: (actor, input) => raiseComplaint(actor, input),
  revalidate: () => ['/berichten', '/berichten/zorg'],
  redirectTo: (_, r) => `${threadPath(r.threadId)}?verstuurd=1`,
});

export const replyAction = formAction({
  roles: ROLES.anyone,
  schema: replySchema,
  fields: (form) => formFields(form, ['threadId', 'body']),
  run: (actor, { threadId, body }) => postMessage(actor, threadId, body),
  revalidate: ({ threadId }) => [threadPath(threadId), '/berichten'],
});

export const startConversationAction = formAction({
  roles: ROLES.staff,
  schema: startSchema,
  fields: (form) => formFields(form, ['childId', 'households', 'subject', 'body']),
  run: (actor, input) => startConversation(actor, input),
  revalidate: () => '/berichten',
  redirectTo: (_, r) => threadPath(r.threadId),
});

export const escalateAction = formAction({
  roles: ROLES.guardian,
  schema: escalateSchema,
  fields: (form) => formFields(form, ['threadId', 'body']),
  run: (actor, { threadId, body }) => escalateComplaint(actor, threadId, body),
  revalidate: ({ threadId }) => [threadPath(threadId), '/berichten/zorg'],
});

export const handOverAction = formAction({
  roles: ROLES.staff,
  schema: handOverSchema,
  fields: (form) => formFields(form, ['threadId', 'assigneeId']),
  run: async (actor, { threadId, assigneeId }) => {
    await handOver(actor, threadId, assigneeId);
    return undefined;
  },
  revalidate: ({ threadId }) => [threadPath(threadId), '/berichten'],
});

export const closeThreadAction = formAction({
  roles: ROLES.anyone,
  schema: closeSchema,
  fields: (form) => ({ threadId: form.get('threadId'), closed: form.get('closed') === 'true' }),
  run: async (actor, { threadId, closed }) => {
    await setThreadClosed(actor, threadId, closed);
    return undefined;
  },
  revalidate: ({ threadId }) => [threadPath(threadId), '/berichten'],
});

export const saveWorkingHoursAction = formAction({
  roles: ROLES.staff,
  schema: workingHoursSchema,
  fields: (form) =>
    Object.fromEntries(WEEKDAYS.flatMap((n) => [[`works${n}`, form.get(`works${n}`) === 'on'], [`start${n}`, form.get(`start${n}`) || undefined], [`end${n}`, form.get(`end${n}`) || undefined]])),
  run: async (actor, input) => {
    await saveWorkingHours(actor, input);
    return undefined;
  },
  revalidate: () => '/account',
});
