import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { SurveyCreateForm } from '@/components/surveys/SurveyCreateForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { currentSchoolYear } from '@/lib/school/year';
import { directorSurveys } from '@/lib/surveys/service';
import { SURVEY_TEMPLATES } from '@/lib/surveys/templates';

export async function generateMetadata() {
  return { title: (await getTranslations('surveys'))('manageTitle') };
}

export default async function DirectorSurveysPage() {
  const actor = await requireRole('DIRECTOR');
  const t = await getTranslations('surveys');
  const format = await getFormatter();
  const year = await currentSchoolYear(actor.schoolId);
  const [surveys, groups] = await Promise.all([
    directorSurveys(actor),
    prisma.group.findMany({ where: { schoolId: actor.schoolId, schoolYearId: year?.id }, orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
  ]);
  return (
    <AppShell actor={actor} path="/directie/enquetes">
      <h1 className="text-2xl font-bold">{t('manageTitle')}</h1>
      {surveys.length === 0 && <p>{t('noneYet')}</p>}
      <ul className="grid gap-3">
        {surveys.map((s) => (
          <li key={s.id}>
            <Card>
              <h2 className="text-lg font-semibold"><Link className="text-brand-700 underline" href={`/directie/enquetes/${s.id}`}>{s.title}</Link></h2>
              <p className="text-stone-700">
                {format.dateTime(s.opensAt, { dateStyle: 'medium' })} – {format.dateTime(s.closesAt, { dateStyle: 'medium' })} · {t('responses', { answered: s.answered, invited: s._count.invitations })}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      <Card aria-labelledby="new-survey">
        <h2 id="new-survey" className="mb-2 text-lg font-semibold">{t('new')}</h2>
        <SurveyCreateForm templates={SURVEY_TEMPLATES.map((x) => ({ key: x.key, title: x.title }))} groups={groups} />
      </Card>
    </AppShell>
  );
}
