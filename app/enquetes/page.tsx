import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { mySurveys } from '@/lib/surveys/service';

export async function generateMetadata() {
  return { title: (await getTranslations('surveys'))('title') };
}

export default async function MySurveysPage() {
  const actor = await requireRole();
  const t = await getTranslations('surveys');
  const format = await getFormatter();
  const invitations = await mySurveys(actor);
  return (
    <AppShell actor={actor} path="/enquetes">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {invitations.length === 0 && <p>{t('none')}</p>}
      <ul className="grid gap-3">
        {invitations.map((i) => (
          <li key={i.survey.id}>
            <Card>
              <h2 className="text-lg font-semibold">{i.survey.title}</h2>
              <p className="text-stone-700">{t('until', { when: format.dateTime(i.survey.closesAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
              {i.submittedAt ? (
                <p className="font-medium">{t('answered')}</p>
              ) : (
                <Link href={`/enquetes/${i.survey.id}`} className="mt-2 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white">{t('fillIn')}</Link>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </AppShell>
  );
}
