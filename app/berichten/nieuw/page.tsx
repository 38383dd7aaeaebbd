import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { HoursList } from '@/components/messages/HoursList';
import { QuestionForm } from '@/components/messages/QuestionForm';
import { StartConversationForm } from '@/components/messages/StartConversationForm';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { isGuardian } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { fullName, namesList } from '@/lib/format/name';
import { newQuestionOptions, startChildren, startOptions } from '@/lib/messages/queries';
import { orNotFound } from '@/lib/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('threads'))('newQuestion') };
}

// Guardians ask a question (and see when the school can be reached); staff choose a child, then
// whom of its guardians they write to.
export default async function NewThreadPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const actor = await requireRole();
  const t = await getTranslations('threads');
  const { kind } = await searchParams;
  if (isGuardian(actor)) {
    const { children, directors } = await newQuestionOptions(actor);
    const choices = [
      ...children.map((c) => ({ value: c.id, label: c.group ? t('aboutChild', { child: fullName(c), group: c.group.name }) : t('aboutChildNoGroup', { child: fullName(c) }) })),
      { value: 'school', label: t('aboutSchool') },
    ];
    return (
      <AppShell actor={actor} path="/berichten">
        <h1 className="text-2xl font-bold">{t('newQuestion')}</h1>
        <p>{t('guardianIntro')}</p>
        <Card>
          <QuestionForm choices={choices} preset={children.some((c) => c.id === kind) ? kind : undefined} />
        </Card>
        <Card aria-labelledby="reachable-title">
          <h2 id="reachable-title" className="mb-2 text-lg font-semibold">{t('reachableTitle')}</h2>
          <p className="mb-3 text-stone-700">{t('reachableIntro')}</p>
          {children
            .filter((c) => c.group)
            .map((c) => (
              <section key={c.id} className="mb-3" aria-labelledby={`hours-${c.id}`}>
                <h3 id={`hours-${c.id}`} className="font-semibold">{t('teachersOf', { group: c.group!.name })}</h3>
                <HoursList people={c.teachers} />
              </section>
            ))}
          <section aria-labelledby="hours-directors">
            <h3 id="hours-directors" className="font-semibold">{t('directors')}</h3>
            <HoursList people={directors} />
          </section>
        </Card>
      </AppShell>
    );
  }
  if (!kind) {
    const children = await startChildren(actor);
    return (
      <AppShell actor={actor} path="/berichten">
        <h1 className="text-2xl font-bold">{t('startConversation')}</h1>
        <Card>
          <form method="get" className="flex flex-col gap-3">
            <h2 className="text-lg font-semibold">{t('chooseChildTitle')}</h2>
            <label htmlFor="f-kind" className="font-medium">{t('chooseChild')}</label>
            <select id="f-kind" name="kind" required className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base">
              {children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.enrolments[0] ? t('childInGroup', { child: fullName(c), group: c.enrolments[0].group.name }) : fullName(c)}
                </option>
              ))}
            </select>
            <div>
              <Button type="submit">{t('next')}</Button>
            </div>
          </form>
        </Card>
      </AppShell>
    );
  }
  const { child, households } = await orNotFound(startOptions(actor, kind));
  return (
    <AppShell actor={actor} path="/berichten">
      <h1 className="text-2xl font-bold">{t('startTitle', { child: fullName(child) })}</h1>
      <Card>
        <StartConversationForm childId={child.id} households={households.map((h) => ({ id: h.id, names: namesList(h.guardians) }))} />
      </Card>
    </AppShell>
  );
}
