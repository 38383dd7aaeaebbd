import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { ClassParentsPanel } from '@/components/participation/ClassParentsPanel';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { classParentGroups } from '@/lib/participation/class-parents';

export async function generateMetadata() {
  return { title: (await getTranslations('helping'))('classParents.title') };
}

export default async function ClassParentsPage() {
  const actor = await requireRole(...ROLES.staff);
  const t = await getTranslations('helping');
  const groups = await orNotFound(classParentGroups(actor));
  return (
    <AppShell actor={actor} path="/helpen/klassenouders">
      <h1 className="text-2xl font-bold">{t('classParents.title')}</h1>
      <p className="text-stone-700">{t('classParents.intro')}</p>
      {groups.map((g) => (
        <Card key={g.id} aria-labelledby={`cp-group-${g.id}`} data-testid="class-parent-group">
          <h2 id={`cp-group-${g.id}`} className="mb-2 text-lg font-semibold">
            {t('classParents.groupTitle', { name: g.name })}
          </h2>
          <ClassParentsPanel group={g} />
        </Card>
      ))}
    </AppShell>
  );
}
