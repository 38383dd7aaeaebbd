'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/Button';
import { StatusForm } from '@/components/ui/StatusForm';
import { appointClassParentAction, removeClassParentAction } from '@/lib/participation/actions';

/** Appoint a guardian of the group as class parent. */
export function AppointClassParentForm({ groupId, groupName, candidates }: { groupId: string; groupName: string; candidates: { userId: string; name: string; children: string[] }[] }) {
  const t = useTranslations('helping');
  if (!candidates.length) return <p className="text-stone-700">{t('classParents.noCandidates')}</p>;
  return (
    <StatusForm action={appointClassParentAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="groupId" value={groupId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`cp-${groupId}`} className="font-medium">
          {t('classParents.choose')}
        </label>
        <select id={`cp-${groupId}`} name="userId" className="min-h-11 max-w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base">
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name} ({c.children.join(', ')})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" aria-label={`${t('classParents.appoint')}: ${t('classParents.groupTitle', { name: groupName })}`}>
        {t('classParents.appoint')}
      </Button>
    </StatusForm>
  );
}

export function RemoveClassParentButton({ groupId, userId, name }: { groupId: string; userId: string; name: string }) {
  const t = useTranslations('helping');
  return (
    <StatusForm action={removeClassParentAction} className="inline-flex flex-col">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary">
        {t('classParents.remove', { name })}
      </Button>
    </StatusForm>
  );
}
