import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/Card';
import { prisma } from '@/lib/db';
import { demoMailboxOpen } from '@/lib/mail/demo-mailbox';

// Demo only, and only for this machine (see demoMailboxOpen).
export default async function DemoMailPage() {
  if (!(await demoMailboxOpen())) notFound();
  const t = await getTranslations('demoMail');
  const format = await getFormatter();
  const mails = await prisma.outboxMail.findMany({ orderBy: { createdAt: 'desc' }, take: 50 });
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>
      {mails.length === 0 && <p>{t('empty')}</p>}
      {mails.map((m) => (
        <Card key={m.id} aria-label={`${t('to')} ${m.to}: ${m.subject}`}>
          <p className="text-sm text-stone-600">
            {format.dateTime(m.createdAt, { dateStyle: 'short', timeStyle: 'medium' })} · {m.sentAt ? t('sent') : t('pending')}
          </p>
          <p>
            <span className="font-medium">{t('to')}:</span> <span data-testid="mail-to">{m.to}</span>
          </p>
          <p>
            <span className="font-medium">{t('subject')}:</span> {m.subject}
          </p>
          <pre className="mt-2 whitespace-pre-wrap break-all font-sans" data-testid="mail-text">
            {linkify(m.text)}
          </pre>
          {m.icsFile && (
            <a href={`data:text/calendar;charset=utf-8,${encodeURIComponent(m.icsFile)}`} download="gesprek.ics" className="mt-2 inline-block text-brand-700 underline">
              {t('attachment')}: gesprek.ics
            </a>
          )}
        </Card>
      ))}
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
