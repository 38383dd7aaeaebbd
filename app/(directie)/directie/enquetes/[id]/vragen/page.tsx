import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { QuestionEditor } from '@/components/surveys/QuestionEditor';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { surveyForEditing } from '@/lib/surveys/service';

export default async function EditQuestionsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('DIRECTOR');
  const { id } = await params;
  const survey = await orNotFound(surveyForEditing(actor, id));
  const t = await getTranslations('builder');
  return (
    <AppShell actor={actor} path={`/directie/enquetes/${id}/vragen`}>
      <Link href={`/directie/enquetes/${id}`} className="text-brand-700 underline">{t('back')}</Link>
      <h1 className="text-2xl font-bold">{t('title', { title: survey.title })}</h1>
      {survey._count.invitations > 0 ? (
        <Alert>{t('locked')}</Alert>
      ) : (
        <Card>
          <QuestionEditor surveyId={survey.id} initial={survey.questions.map((q) => ({ section: q.section, type: q.type, text: q.text, required: q.required, options: q.options }))} />
        </Card>
      )}
    </AppShell>
  );
}
