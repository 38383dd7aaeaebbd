import { getFormatter, getTranslations } from 'next-intl/server';
import type { FigureRow } from '@/lib/messages/figures';
import { durationText } from './duration';

type Row = FigureRow & { key: string; label: string };

/** One table of reply-time figures: a row per month or per inbox, and the period's total below. */
export async function ReplyFigureTable({ caption, rowHeader, rows, total, testId }: { caption: string; rowHeader: string; rows: Row[]; total?: FigureRow; testId: string }) {
  const [t, format] = await Promise.all([getTranslations('communication'), getFormatter()]);
  const cells = (r: FigureRow) => (
    <>
      <td className="py-2 pr-3 text-right tabular-nums">{r.questions}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{r.medianMs === null ? t('none') : durationText(r.medianMs, t)}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{r.withinShare === null ? t('none') : format.number(r.withinShare, { style: 'percent' })}</td>
      <td className="py-2 text-right tabular-nums">{r.unanswered}</td>
    </>
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] text-left" data-testid={testId}>
        <caption className="mb-2 text-left text-sm text-stone-700">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 align-bottom text-sm">
            <th scope="col" className="py-2 pr-3">{rowHeader}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t('questions')}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t('median')}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t('withinPromise')}</th>
            <th scope="col" className="py-2 text-right">{t('unanswered')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-stone-100">
              <th scope="row" className="py-2 pr-3 font-medium">{r.label}</th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr className="border-t border-stone-300 font-semibold">
              <th scope="row" className="py-2 pr-3">{t('total')}</th>
              {cells(total)}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
