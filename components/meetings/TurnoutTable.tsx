import { getTranslations } from 'next-intl/server';
import type { Share, Turnout } from '@/lib/meetings/turnout';

/** "64% — doel 80%" and, below the target, the words "onder het doel" (not colour alone). */
export async function ShareText({ share, target }: { share: Share; target: number }) {
  const t = await getTranslations('meetings.turnout');
  return (
    <span>
      {t('vsTarget', { percent: share.percent, target })}{' '}
      {share.met ? (
        <span className="font-medium text-green-900">({t('met')})</span>
      ) : (
        <strong className="rounded bg-amber-100 px-1 font-bold text-amber-950">⚠ {t('below')}</strong>
      )}
    </span>
  );
}

/** Turnout per group and for the whole meeting against its target, with the RSVP counts. */
export async function TurnoutTable({ turnout, caption }: { turnout: Turnout; caption: string }) {
  const t = await getTranslations('meetings');
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="meeting-turnout">
          <caption className="mb-2 text-left text-stone-700">{caption}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2 pr-3">{t('turnout.group')}</th>
              <th scope="col" className="py-2 pr-3">{t('turnout.present')}</th>
              <th scope="col" className="py-2">{t('turnout.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {turnout.groups.map((g) => (
              <tr key={g.groupId} className="border-b border-stone-200">
                <th scope="row" className="py-2 pr-3 font-medium">{g.name}</th>
                <td className="py-2 pr-3">{t('turnout.presentOf', { present: g.present, invited: g.invited })}</td>
                <td className="py-2"><ShareText share={g} target={turnout.targetPercent} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-2 pr-3">{t('turnout.overall')}</th>
              <td className="py-2 pr-3">{t('turnout.presentOf', { present: turnout.overall.present, invited: turnout.overall.invited })}</td>
              <td className="py-2"><ShareText share={turnout.overall} target={turnout.targetPercent} /></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-sm text-stone-700">{t('rsvpCounts', turnout.rsvp)}</p>
    </div>
  );
}
