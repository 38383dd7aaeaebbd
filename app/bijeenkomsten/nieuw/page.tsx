import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { MeetingForm } from '@/components/meetings/MeetingForm';
import { Card } from '@/components/ui/Card';
import { isDirector, ROLES } from '@/lib/access/roles';
import { requireAtSchool } from '@/lib/access/school';
import { requireRole } from '@/lib/auth/actor';
import { invitableGroups } from '@/lib/meetings/queries';
import { orNotFound } from '@/lib/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('meetings'))('new') };
}

export default async function NewMeetingPage() {
  const actor = await requireRole(...ROLES.staff);
  await orNotFound(Promise.resolve().then(() => requireAtSchool(actor, 'meeting', 'write')));
  const t = await getTranslations('meetings');
  const groups = await invitableGroups(actor);
  return (
    <AppShell actor={actor} path="/bijeenkomsten/nieuw">
      <h1 className="text-2xl font-bold">{t('new')}</h1>
      <Card>
        <MeetingForm groups={groups} wholeSchool={isDirector(actor)} />
      </Card>
    </AppShell>
  );
}
