import { getTranslations } from 'next-intl/server';
import { AppointClassParentForm, RemoveClassParentButton } from '@/components/participation/ClassParentForms';
import type { classParentGroups } from '@/lib/participation/class-parents';

type ClassParentGroup = Awaited<ReturnType<typeof classParentGroups>>[number];

/** A group's class parents with remove buttons, and the form to appoint one of its guardians: on /helpen/klassenouders and in the teacher's group view. */
export async function ClassParentsPanel({ group }: { group: ClassParentGroup }) {
  const t = await getTranslations('helping');
  return (
    <>
      {group.classParents.length === 0 ? (
        <p className="mb-2 text-stone-700">{t('classParents.none')}</p>
      ) : (
        <ul className="mb-3 flex flex-col gap-2">
          {group.classParents.map((c) => (
            <li key={c.userId} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{c.name}</span>
              <RemoveClassParentButton groupId={group.id} userId={c.userId} name={c.name} />
            </li>
          ))}
        </ul>
      )}
      <AppointClassParentForm groupId={group.id} groupName={group.name} candidates={group.candidates} />
    </>
  );
}
