'use server';

import { z } from 'zod';
import { formAction, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { AppError } from '@/lib/errors';
import { stageFromForm, stageSchema } from './schemas';
import { addStage, removeStage, updateStage } from './service';

const CYCLE = '/directie/cyclus';
const stageId = z.object({ stageId: idSchema });

export const updateStageAction = formAction({
  roles: ROLES.director,
  schema: stageSchema.and(stageId),
  fields: (form) => ({ ...stageFromForm(form), stageId: form.get('stageId') }),
  run: async (actor, { stageId: id, ...input }) => {
    await updateStage(actor, id, input);
    return undefined;
  },
  revalidate: () => CYCLE,
});

export const addStageAction = formAction({
  roles: ROLES.director,
  schema: stageSchema,
  fields: stageFromForm,
  run: async (actor, input) => {
    await addStage(actor, input);
    return undefined;
  },
  revalidate: () => CYCLE,
});

export const removeStageAction = formAction({
  roles: ROLES.director,
  schema: stageId,
  fields: (form) => ({ stageId: form.get('stageId') }),
  run: async (actor, { stageId: id }) => {
    try {
      await removeStage(actor, id);
    } catch (e) {
      // The one conflict here is a stage that has rounds or meetings: say that, not "reload".
      if (e instanceof AppError && e.code === 'CONFLICT') throw new AppError('CONFLICT', 'inUse', { fieldErrors: { stage: ['inUse'] } });
      throw e;
    }
    return undefined;
  },
  revalidate: () => CYCLE,
});
