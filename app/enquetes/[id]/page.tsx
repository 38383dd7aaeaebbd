import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { SurveyForm } from '@/components/surveys/SurveyForm';
import { Alert } from '@/components/ui/Alert';
import { requireRole } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { orNotFound } from '@/lib/not-found';
import { surveyForRespondent } from '@/lib/surveys/service';

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole();
  const { id } = await params;
  const t = await getTranslations('surveys');
  const view = await orNotFound(surveyForRespondent(actor, id)).catch((e) => {
    if (e instanceof AppError && e.code === 'ROUND_NOT_OPEN') return null;
    throw e;
  });
  if (!view)
    return (
      <AppShell actor={actor} path={`/enquetes/${id}`}>
        <Alert>{t('closed')}</Alert>
      </AppShell>
    );
  const { survey, submitted, draft } = view;
  return (
    <AppShell actor={actor} path={`/enquetes/${id}`}>
      <h1 className="text-2xl font-bold">{survey.title}</h1>
      <p>{survey.intro}</p>
      <p className="text-sm text-stone-700">{survey.anonymous ? t('anonymousNote') : t('namedNote')}</p>
      {submitted ? <Alert tone="success">{t('answered')}</Alert> : <SurveyForm surveyId={survey.id} questions={survey.questions} draft={draft} />}
    </AppShell>
  );
}
