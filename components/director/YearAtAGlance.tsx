import { getFormatter, getTranslations } from 'next-intl/server';
import { ShareChart, type ShareBar } from '@/components/charts/ShareChart';
import { durationText } from '@/components/communication/duration';
import { Card } from '@/components/ui/Card';
import type { Actor } from '@/lib/auth/actor';
import { type GlanceBar, yearAtAGlance } from '@/lib/director/year-glance';

/** The director's home: the school year in five small charts, each with its figures as a table. */
export async function YearAtAGlance({ actor, now }: { actor: Actor; now: Date }) {
  const [data, t, tc, format] = await Promise.all([yearAtAGlance(actor, now), getTranslations('home.director.glance'), getTranslations('communication'), getFormatter()]);
  if (!data) return null;
  const pct = (s: number | null) => (s === null ? t('none') : format.number(s, { style: 'percent' }));
  const bar = (b: GlanceBar, label = b.label, spoken?: string): ShareBar => ({ key: b.key, label, share: b.share, value: pct(b.share), spoken });
  // Months are keys like "2026-09": short on the axis, in full in the table.
  const monthDate = (m: string) => new Date(`${m}-15T12:00:00Z`);
  const shortMonth = (m: string) => format.dateTime(monthDate(m), { month: 'short', timeZone: 'UTC' });
  const longMonth = (m: string) => format.dateTime(monthDate(m), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const n = (x: number) => format.number(x);
  const showLabel = t('showTable');

  return (
    <section aria-labelledby="glance-title" className="flex flex-col gap-3">
      <div>
        <h2 id="glance-title" className="text-xl font-semibold">{t('title')}</h2>
        <p className="text-stone-700">{t('intro', { name: data.year.name })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <ShareChart
            id="glance-stages"
            layout="rows"
            title={t('stages.title')}
            description={t('stages.description')}
            empty={t('stages.empty')}
            bars={data.stages.map((s) => bar(s, s.label, s.whole ? undefined : t('stages.notPlanned')))}
            table={{
              showLabel,
              headers: [t('stages.stage'), t('stages.invited'), t('stages.booked'), t('stages.held'), t('share')],
              rows: data.stages.map((s) => [s.label, n(s.whole), n(s.booked), n(s.part), s.whole ? pct(s.share) : t('stages.notPlanned')]),
            }}
          />
        </Card>
        <Card>
          <ShareChart
            id="glance-reach"
            layout="columns"
            title={t('reach.title')}
            description={t('reach.description')}
            empty={t('reach.empty')}
            bars={data.reach.map((m) => bar(m, shortMonth(m.label)))}
            table={{
              showLabel,
              headers: [t('month'), t('reach.families'), t('reach.reached'), t('share')],
              rows: data.reach.map((m) => [longMonth(m.label), n(m.whole), n(m.part), pct(m.share)]),
            }}
          />
        </Card>
        <Card>
          <ShareChart
            id="glance-replies"
            layout="columns"
            title={t('replies.title')}
            description={t('replies.description')}
            empty={t('replies.empty')}
            bars={data.replies.map((m) => bar(m, shortMonth(m.label)))}
            table={{
              showLabel,
              headers: [t('month'), t('replies.questions'), t('replies.median'), t('replies.within'), t('share')],
              rows: data.replies.map((m) => [longMonth(m.label), n(m.questions), m.medianMs === null ? t('none') : durationText(m.medianMs, tc), t('replies.ofSettled', { within: m.part, settled: m.whole }), pct(m.share)]),
            }}
          />
        </Card>
        <Card>
          <ShareChart
            id="glance-surveys"
            layout="rows"
            title={t('surveys.title')}
            description={t('surveys.description')}
            empty={t('surveys.empty')}
            bars={data.surveys.map((s) => bar(s))}
            table={{
              showLabel,
              headers: [t('surveys.survey'), t('surveys.invited'), t('surveys.answered'), t('share')],
              rows: data.surveys.map((s) => [s.label, n(s.whole), n(s.part), pct(s.share)]),
            }}
          />
        </Card>
        <Card className="md:col-span-2">
          <ShareChart
            id="glance-charter"
            layout="rows"
            title={data.charter.version ? t('charter.title', { number: data.charter.version.number }) : t('charter.titleNone')}
            description={t('charter.description')}
            empty={t('charter.empty')}
            bars={data.charter.groups.map((g) => bar(g))}
            table={{
              showLabel,
              headers: [t('charter.group'), t('charter.guardians'), t('charter.acknowledged'), t('share')],
              rows: data.charter.groups.map((g) => [g.label, n(g.whole), n(g.part), pct(g.share)]),
            }}
          />
        </Card>
      </div>
    </section>
  );
}
