import { getTranslations } from 'next-intl/server';
import { AnnouncementForm } from '@/components/announcements/AnnouncementForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { postingOptions } from '@/lib/announcements/queries';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('announcements'))('new') };
}

export default async function NewAnnouncementPage() {
  const actor = await requireRole(...ROLES.staff);
  const t = await getTranslations('announcements');
  const options = await orNotFound(postingOptions(actor));
  return (
    <AppShell actor={actor} path="/mededelingen/nieuw">
      <h1 className="text-2xl font-bold">{t('new')}</h1>
      <Card>
        {options.groups.length === 0 && !options.wholeSchool ? <p className="text-stone-700">{t('noGroups')}</p> : <AnnouncementForm groups={options.groups} wholeSchool={options.wholeSchool} />}
      </Card>
    </AppShell>
  );
}
