import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { RecordEditor } from '@/components/records/RecordEditor';
import { requireRole } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { zonedDateKey } from '@/lib/format/time';
import { orNotFound } from '@/lib/not-found';
import { childDetail } from '@/lib/people/queries';
import { AgreementItem } from '@/components/records/ChildFile';
import { PreparationView } from '@/components/records/PreparationView';
import { childPreparations } from '@/lib/records/preparation';
import { childFile } from '@/lib/records/service';

/** Record a talk: resumes the teacher's open draft for this child, lists the open agreements to revisit. */
export default async function RecordTalkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ronde?: string }> }) {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const { id } = await params;
  const { ronde } = await searchParams;
  const child = await orNotFound(childDetail(actor, id));
  const [file, preparations, stages] = await Promise.all([
    childFile(actor, id),
    childPreparations(actor, id),
    prisma.stageDefinition.findMany({ where: { schoolId: actor.schoolId, isGroupEvent: false }, orderBy: { position: 'asc' }, select: { key: true, name: true, agendaTopics: true } }),
  ]);
  const draft = file.records.find((r) => !r.publishedAt && r.authorId === actor.userId);
  // From the day view: the talk's round tells which agenda to open.
  const fromRound = typeof ronde === 'string' && ronde.length <= 40 ? await prisma.talkRound.findFirst({ where: { id: ronde, schoolId: actor.schoolId }, select: { stage: { select: { key: true, name: true } } } }) : null;
  const stage = fromRound?.stage ?? stages[0];
  const t = await getTranslations('records');
  const tp = await getTranslations('prepare');
  return (
    <AppShell actor={actor} path={`/kind/${id}/gesprek`}>
      <Link href={`/kind/${id}`} className="text-brand-700 underline">{t('backToFile')}</Link>
      <h1 className="text-2xl font-bold">{t('recordFor', { name: fullName(child) })}</h1>
      {file.open.length > 0 && (
        <section aria-labelledby="open-title" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="open-title" className="font-semibold">{t('openAgreements')}</h2>
          <p className="text-sm">{t('revisitHint')}</p>
          <ul className="mt-2 flex flex-col gap-2">{file.open.map((a) => <AgreementItem key={a.id} agreement={a} childId={id} staff published />)}</ul>
        </section>
      )}
      {preparations.slice(0, 2).map((p) => (
        <details key={p.id} open className="rounded-xl border border-stone-200 bg-white p-4" data-testid="editor-preparation">
          <summary className="min-h-11 cursor-pointer content-center font-semibold">{tp('editorTitle')}: {p.round.name}</summary>
          <PreparationView answers={p.answers} childAnswers={p.childAnswers} />
        </details>
      ))}
      <RecordEditor
        childId={id}
        stages={stages}
        draft={
          draft
            ? {
                recordId: draft.id, kind: draft.kind, stageKey: draft.stageKey ?? undefined, agendaTopics: draft.agendaTopics, title: draft.title, heldOn: draft.heldOn.toISOString().slice(0, 10), notes: draft.notes as Record<string, string>,
                agreements: draft.agreements.map((a) => ({ owner: a.owner, what: a.what, dueOn: a.dueOn?.toISOString().slice(0, 10) ?? '', sharing: a.sharing ?? '' })),
              }
            : { stageKey: stage?.key, title: stage?.name ?? '', heldOn: zonedDateKey(new Date()), notes: {}, agreements: [] }
        }
      />
    </AppShell>
  );
}
