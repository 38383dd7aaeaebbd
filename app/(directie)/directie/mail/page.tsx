import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { StatusForm } from '@/components/ui/StatusForm';
import { requireRole } from '@/lib/auth/actor';
import { retryMailAction } from '@/lib/mail/actions';
import { undeliverableMail } from '@/lib/mail/undeliverable';

export async function generateMetadata() {
  return { title: (await getTranslations('mailFailures'))('title') };
}

/** Mail the outbox gave up on (refused address, or two days of failed attempts), with a way to send it again. */
export default async function UndeliverableMailPage() {
  const actor = await requireRole('DIRECTOR');
  const mails = await undeliverableMail(actor);
  const t = await getTranslations('mailFailures');
  const format = await getFormatter();
  const kind = (k: string) => (t.has(`kinds.${k}` as never) ? t(`kinds.${k}` as never) : k);
  return (
    <AppShell actor={actor} path="/directie/mail">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <Card>
        <p>{t('intro')}</p>
      </Card>
      {mails.length === 0 ? (
        <Card>
          <p data-testid="mail-failures-none">{t('none')}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="mail-failures">
          {mails.map((m) => (
            <li key={m.id}>
              <Card>
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium">{t('recipient')}</dt>
                  <dd className="break-all">{m.to}</dd>
                  <dt className="font-medium">{t('subject')}</dt>
                  <dd>{m.subject}</dd>
                  <dt className="font-medium">{t('kind')}</dt>
                  <dd>{kind(m.kind)}</dd>
                  <dt className="font-medium">{t('attempts')}</dt>
                  <dd>{m.attempts}</dd>
                  <dt className="font-medium">{t('failedAt')}</dt>
                  <dd>{format.dateTime(m.failedAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
                  <dt className="font-medium">{t('lastError')}</dt>
                  <dd className="break-words font-mono text-sm">{m.lastError}</dd>
                </dl>
                {m.retryable ? (
                  <StatusForm action={retryMailAction} success={t('retried')} className="mt-3 flex flex-wrap items-center gap-2">
                    <input type="hidden" name="id" value={m.id} />
                    <button className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white" aria-label={t('retryFor', { subject: m.subject, to: m.to })}>
                      {t('retry')}
                    </button>
                  </StatusForm>
                ) : (
                  <p className="mt-3 text-stone-700">{t('signInLink')}</p>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  );
}
