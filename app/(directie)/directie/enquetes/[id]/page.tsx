import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { Distribution } from '@/components/surveys/Distribution';
import { AddActionForm, EvaluateForm, RemindSurveyForm, SummaryForm } from '@/components/surveys/FeedbackForms';
import { surveyActions } from '@/lib/surveys/feedback';
import { Card } from '@/components/ui/Card';
import { PrintButton } from '@/components/ui/PrintButton';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { surveyResults } from '@/lib/surveys/results';
import { MIN_GROUP_SIZE } from '@/lib/surveys/schemas';

export default async function SurveyResultsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ zoek?: string }> }) {
  const actor = await requireRole('DIRECTOR');
  const { id } = await params;
  const { zoek } = await searchParams;
  const filter = typeof zoek === 'string' ? zoek.slice(0, 100) : '';
  const r = await orNotFound(surveyResults(actor, id, filter));
  const t = await getTranslations('surveys');
  const tf = await getTranslations('feedback');
  const format = await getFormatter();
  const actions = await surveyActions(actor, id);
  const openInvitations = r.rates.reduce((a, x) => a + x.invited - x.answered, 0);
  const num = (x: number) => format.number(x, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const label = (type: string, value: string) => (type === 'LIKERT' ? t(`likert.${value}`) : type === 'YES_NO' ? t(value as 'yes' | 'no') : value);
  return (
    <AppShell actor={actor} path={`/directie/enquetes/${id}`}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <Link href="/directie/enquetes" className="text-brand-700 underline print:hidden">{t('back')}</Link>
          <h1 className="mt-2 text-2xl font-bold">{r.survey.title}</h1>
          {r.previous && <p className="text-stone-700">{t('comparedWith', { title: r.previous.title, date: format.dateTime(r.previous.closesAt, { dateStyle: 'medium' }) })}</p>}
        </div>
        <div className="flex gap-2 print:hidden">
          <Link href={`/directie/enquetes/${id}/vragen`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-3">{t('editQuestions')}</Link>
          {!r.withheld && <a href={`/api/surveys/${id}/csv`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-3">{t('exportCsv')}</a>}
          <PrintButton label={t('print')} />
        </div>
      </div>
      <Card aria-labelledby="rate">
        <h2 id="rate" className="text-lg font-semibold">{t('responseRate')}</h2>
        <ul>
          {r.rates.map((x) => (
            <li key={x.audience} data-testid={`rate-${x.audience}`}>{t(`audiences.${x.audience}`)}: {t('rate', { answered: x.answered, invited: x.invited, percent: Math.round((x.answered / Math.max(1, x.invited)) * 100) })}</li>
          ))}
        </ul>
        {r.groupRates.length > 0 && (
          <p className="mt-1 text-stone-700">{r.groupRates.map((g) => `${g.name}: ${Math.round((g.answered / Math.max(1, g.invited)) * 100)}%`).join(' · ')}</p>
        )}
        <p className="mt-2 text-sm text-stone-600">{t('privacyNote', { min: MIN_GROUP_SIZE })}</p>
        {r.withheld && <p className="mt-2 font-medium" data-testid="results-withheld">{t('withheld', { when: format.dateTime(r.releasesAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>}
      </Card>
      <Card aria-labelledby="loop" className="print:hidden">
        <h2 id="loop" className="mb-2 text-lg font-semibold">{tf('title')}</h2>
        <div className="flex flex-col gap-6">
          <RemindSurveyForm surveyId={id} open={openInvitations} />
          {actions.length > 0 && (
            <ul className="flex flex-col gap-3">
              {actions.map((a) => (
                <li key={a.id} className="rounded-lg bg-stone-100 p-3" data-testid="survey-action">
                  <p><span className="font-medium">{tf('heard')}:</span> {a.heard}</p>
                  <p><span className="font-medium">{tf('willDo')}:</span> {a.action}</p>
                  <p className="text-sm text-stone-700">{tf('ownerDates', { owner: a.owner, from: format.dateTime(a.startsOn, { dateStyle: 'medium', timeZone: 'UTC' }), to: format.dateTime(a.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}</p>
                  {a.evaluatedAt ? (
                    <p className="mt-1 text-sm">{tf('evaluatedSummary', { results: a.evalResults ?? '', next: a.evalNextSteps ?? '' })}</p>
                  ) : (
                    <details className="mt-1"><summary className="min-h-11 cursor-pointer">{tf('evaluate')}</summary><EvaluateForm surveyId={id} actionId={a.id} /></details>
                  )}
                </li>
              ))}
            </ul>
          )}
          <details><summary className="min-h-11 cursor-pointer font-medium">{tf('addAction')}</summary><AddActionForm surveyId={id} questions={r.questions.map((q) => ({ id: q.id, text: q.text }))} /></details>
          <SummaryForm surveyId={id} summary={r.survey.summary ?? ''} />
        </div>
      </Card>
      {!r.withheld && <form className="flex gap-2 print:hidden" role="search">
        <label htmlFor="zoek" className="sr-only">{t('filterOpen')}</label>
        <input id="zoek" name="zoek" defaultValue={filter} placeholder={t('filterOpen')} className="min-h-11 flex-1 rounded-lg border border-stone-500 px-3" />
        <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('filter')}</button>
      </form>}
      {!r.withheld && r.questions.map((q) => (
        <Card key={q.id} aria-labelledby={`q-${q.id}`}>
          <p className="text-sm text-stone-600">{q.section}</p>
          <h2 id={`q-${q.id}`} className="mb-2 font-semibold">{q.text}</h2>
          <div className={`grid gap-4 ${q.per.length > 1 ? 'sm:grid-cols-2' : ''}`}>
            {q.per.map((p) => (
              <div key={p.audience} data-testid={`result-${p.audience}`}>
                <h3 className="font-medium">{t(`audiences.${p.audience}`)} <span className="font-normal text-stone-600">(n = {p.n})</span></h3>
                {p.hidden ? (
                  <p className="text-stone-700">{t('hidden', { min: MIN_GROUP_SIZE })}</p>
                ) : (
                  <>
                    {p.mean != null && (
                      <p>
                        {t('mean', { mean: num(p.mean), sd: num(p.sd ?? 0) })}
                        {p.change != null && <span className="ml-2 text-stone-700">{t('change', { change: (p.change >= 0 ? '+' : '') + num(p.change) })}</span>}
                      </p>
                    )}
                    {q.type !== 'OPEN' && <Distribution caption={q.text} rows={p.distribution.sort((a, b) => a.value.localeCompare(b.value)).map((d) => ({ label: label(q.type, d.value), n: d.n }))} />}
                    {q.type === 'OPEN' && (
                      <ul className="list-inside list-disc">{p.open.map((text, i) => <li key={i}>{text}</li>)}</ul>
                    )}
                  </>
                )}
              </div>
            ))}
          </div>
          {q.byGroup.length > 0 && (
            <p className="mt-2 text-sm text-stone-700">
              {t('perGroup')}: {q.byGroup.map((g) => `${g.name} ${g.hidden ? t('tooFew') : num(g.mean ?? 0)}`).join(' · ')}
            </p>
          )}
        </Card>
      ))}
    </AppShell>
  );
}
