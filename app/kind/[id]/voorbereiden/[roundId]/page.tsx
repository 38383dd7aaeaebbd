import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { PreparationForm } from '@/components/records/PreparationForm';
import { PreparationView } from '@/components/records/PreparationView';
import { TalentForm } from '@/components/participation/TalentForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { myTalents } from '@/lib/participation/talents';
import { preparationForm } from '@/lib/records/preparation';
import { childAnswerTo } from '@/lib/records/agenda';

export async function generateMetadata() {
  return { title: (await getTranslations('prepare'))('link') };
}

/** Parents prepare a parent-tell or well-being talk; from group 5 with the child's own answers. */
export default async function PreparePage({ params }: { params: Promise<{ id: string; roundId: string }> }) {
  const actor = await requireRole('GUARDIAN');
  const { id, roundId } = await params;
  const form = await orNotFound(preparationForm(actor, id, roundId));
  const t = await getTranslations('prepare');
  const format = await getFormatter();
  // The parent-tell talk is where the school first hears what a family brings: the talents form is asked here too (issue 14).
  const talents = form.round.stage.key === 'parent_tell' ? await myTalents(actor) : null;
  const th = await getTranslations('helping');
  return (
    <AppShell actor={actor} path={`/kind/${id}/voorbereiden/${roundId}`}>
      <Link href="/ouder" className="text-brand-700 underline">{t('back')}</Link>
      <h1 className="text-2xl font-bold">{t('title', { round: form.round.stage.name })}: {form.child.firstName}</h1>
      <p>{t('intro')}</p>
      <p className="text-sm text-stone-700">{t('whoReads', { name: form.child.firstName })}</p>
      {form.saved && <p className="text-sm text-stone-700">{t('lastSaved', { date: format.dateTime(form.saved.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>}
      {/* A guardian with information only prepares only a talk they are invited to; they read what their household saved. */}
      {!form.mayWrite && (
        <>
          <p className="font-medium" data-testid="prepare-authority-only">{t('authorityOnly')}</p>
          {form.saved && <PreparationView answers={form.saved.answers} childAnswers={form.saved.childAnswers} />}
        </>
      )}
      {form.mayWrite && <PreparationForm
        childId={id}
        roundId={roundId}
        childName={form.child.firstName}
        topics={form.round.stage.agendaTopics.map((topic) => ({ topic, value: form.saved?.answers[topic] ?? '' }))}
        childQuestions={form.childAnswers ? form.round.stage.childQuestions.map((question) => ({ question, value: childAnswerTo(form.saved?.childAnswers, question) })) : []}
      />}
      {talents && (
        <Card aria-labelledby="prepare-talents-title">
          <h2 id="prepare-talents-title" className="text-lg font-semibold">{th('talents.inPreparation')}</h2>
          <p className="mb-3 text-stone-700">{th('talents.inPreparationIntro')}</p>
          <TalentForm helpWith={talents.helpWith} talents={talents.talents} />
        </Card>
      )}
    </AppShell>
  );
}
