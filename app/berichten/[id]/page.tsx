import clsx from 'clsx';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { ComplaintSteps, Counsellor } from '@/components/messages/ComplaintSteps';
import { EscalateForm } from '@/components/messages/EscalateForm';
import { HoursList } from '@/components/messages/HoursList';
import { ReplyForm } from '@/components/messages/ReplyForm';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { StatusForm } from '@/components/ui/StatusForm';
import { isGuardian } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { closeThreadAction, handOverAction } from '@/lib/messages/actions';
import { threadView } from '@/lib/messages/queries';
import { orNotFound } from '@/lib/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('threads'))('title') };
}

export default async function ThreadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ verstuurd?: string }> }) {
  const { id } = await params;
  const actor = await requireRole();
  const v = await orNotFound(threadView(actor, id));
  const t = await getTranslations('threads');
  const format = await getFormatter();
  const guardian = isGuardian(actor);
  const { thread, promise } = v;
  const day = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long' });
  const when = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const sent = (await searchParams).verstuurd === '1';
  const complaint = thread.kind === 'COMPLAINT';
  return (
    <AppShell actor={actor} path="/berichten">
      <h1 className="text-2xl font-bold">{thread.subject}</h1>
      {sent && <Alert tone="success">{promise ? t('sentDue', { date: day(promise.dueAt) }) : t('sent')}</Alert>}
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('about')}</dt>
          <dd>{v.child ? fullName(v.child) : t('schoolMatter')}</dd>
          <dt className="font-medium">{t('withWhom')}</dt>
          <dd>{thread.inbox === 'GROUP' && v.group ? t('inboxGroup', { group: v.group.name }) : t('inboxDirector')}{v.assignee && <> · {t('assignedTo', { name: fullName(v.assignee) })}</>}</dd>
          <dt className="font-medium">{t('status')}</dt>
          <dd data-testid="thread-status" className={clsx(v.overdue && 'font-semibold text-red-800')}>
            {promise ? (v.overdue ? t('overdue', { date: day(promise.dueAt) }) : t('dueBy', { date: day(promise.dueAt) })) : thread.closedAt ? t('closed') : t('answered')}
            {complaint && <> · {thread.closedAt ? t('closed') : t('open')}</>}
          </dd>
        </dl>
        {promise && promise.countsFrom > promise.askedAt && <p className="mt-2 text-stone-700">{t('countsFrom', { date: when(promise.countsFrom) })}</p>}
        {v.bothHouseholds && <p className="mt-2 font-medium" data-testid="both-households">{guardian ? t('bothHouseholdsGuardian') : t('bothHouseholds')}</p>}
        {!guardian && thread.concernsUserId && v.concerns && <p className="mt-2">{t('complaint.concernsSet', { name: fullName(v.concerns) })}</p>}
      </Card>
      {complaint && (
        <Card aria-labelledby="route-title">
          <h2 id="route-title" className="mb-2 text-lg font-semibold">{t('complaint.title')}</h2>
          <ComplaintSteps current={thread.complaintStep} />
          {thread.complaintStep === 'FORMAL' && <p className="mt-3">{t('complaint.formalIntro')}</p>}
          {guardian && (thread.complaintStep === 'TEACHER' || thread.complaintStep === 'DIRECTOR') && (
            <section aria-labelledby="escalate-title" className="mt-4">
              <h3 id="escalate-title" className="font-semibold">{t('complaint.escalateTitle')}</h3>
              <EscalateForm threadId={thread.id} step={thread.complaintStep} />
            </section>
          )}
        </Card>
      )}
      {complaint && <Counsellor school={v.school} />}
      <section aria-labelledby="messages-title" className="flex flex-col gap-3">
        <h2 id="messages-title" className="text-xl font-semibold">{t('messagesTitle')}</h2>
        <ol className="flex flex-col gap-3" data-testid="messages">
          {v.messages.map((m) => (
            <li key={m.id}>
              <article className={clsx('rounded-xl border p-4', m.authorRole === 'GUARDIAN' ? 'border-stone-200 bg-white' : 'border-brand-100 bg-brand-50')}>
                <header className="mb-1 flex flex-wrap justify-between gap-2 text-sm text-stone-700">
                  <span className="font-semibold text-stone-900">{t('wrote', { name: fullName(m.author), role: t(`roles.${m.authorRole}`) })}</span>
                  <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
                </header>
                <p className="whitespace-pre-wrap break-words">{m.body}</p>
              </article>
            </li>
          ))}
        </ol>
      </section>
      <Card aria-labelledby="reply-title">
        <h2 id="reply-title" className="mb-2 text-lg font-semibold">{t('replyTitle')}</h2>
        <ReplyForm threadId={thread.id} />
      </Card>
      {guardian && v.people.length > 0 && (
        <Card aria-labelledby="reachable-title">
          <h2 id="reachable-title" className="mb-2 text-lg font-semibold">{t('reachableTitle')}</h2>
          <p className="mb-2 text-stone-700">{t('reachableIntro')}</p>
          <HoursList people={v.people} />
        </Card>
      )}
      {!guardian && v.candidates.length > 0 && (
        <Card aria-labelledby="handover-title">
          <h2 id="handover-title" className="mb-2 text-lg font-semibold">{t('handOverTitle')}</h2>
          <StatusForm action={handOverAction} className="flex flex-col gap-3" success={t('handedOver')}>
            <input type="hidden" name="threadId" value={thread.id} />
            <label htmlFor="f-assignee" className="font-medium">{t('handOverLabel')}</label>
            <select id="f-assignee" name="assigneeId" className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base">
              {v.candidates.map((c) => (
                <option key={c.id} value={c.id}>{c.care ? t('careCoordinator', { name: fullName(c) }) : fullName(c)}</option>
              ))}
            </select>
            <div>
              <Button type="submit" variant="secondary">{t('handOver')}</Button>
            </div>
          </StatusForm>
        </Card>
      )}
      <StatusForm action={closeThreadAction} className="flex flex-col gap-2">
        <input type="hidden" name="threadId" value={thread.id} />
        <input type="hidden" name="closed" value={thread.closedAt ? 'false' : 'true'} />
        <div>
          <Button type="submit" variant="secondary">{thread.closedAt ? t('reopen') : t('close')}</Button>
        </div>
      </StatusForm>
    </AppShell>
  );
}
