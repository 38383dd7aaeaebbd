'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { publishRecordAction, saveRecordAction } from '@/lib/records/actions';

type Stage = { key: string; name: string; agendaTopics: string[] };
type AgreementRow = { key: number; owner: 'CHILD' | 'PARENT' | 'TEACHER' | 'SCHOOL'; what: string; dueOn: string; sharing: string };
type Kind = 'talk' | 'phone' | 'extra';
type Draft = { recordId?: string; kind?: string; stageKey?: string; agendaTopics?: string[]; title: string; heldOn: string; notes: Record<string, string>; agreements: Omit<AgreementRow, 'key'>[] };

/** Made for a 10-minute talk: fields per agenda topic, agreements as rows, autosave, publish on purpose. */
export function RecordEditor({ childId, stages, draft }: { childId: string; stages: Stage[]; draft: Draft }) {
  const t = useTranslations('records');
  const te = useTranslations('errors');
  const router = useRouter();
  const [recordId, setRecordId] = useState(draft.recordId);
  const [kind, setKind] = useState<Kind>((draft.kind as Kind | undefined) ?? 'talk');
  const [stageKey, setStageKey] = useState(draft.recordId ? (draft.stageKey ?? '') : (draft.stageKey ?? stages[0]?.key ?? ''));
  const [title, setTitle] = useState(draft.title);
  const [heldOn, setHeldOn] = useState(draft.heldOn);
  const [notes, setNotes] = useState(draft.notes);
  const [rows, setRows] = useState<AgreementRow[]>(draft.agreements.map((a, key) => ({ ...a, key })));
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const first = useRef(true);
  const stage = stages.find((s) => s.key === stageKey);
  // A saved draft follows the agenda it was started with; a changed stage only shows for a new one.
  const kept = draft.recordId && stageKey === (draft.stageKey ?? '') && draft.agendaTopics?.length ? draft.agendaTopics : undefined;
  const topics = kept ?? stage?.agendaTopics ?? [t('notes')];
  const input = 'min-h-11 rounded-lg border border-stone-500 bg-white px-2';

  const payload = () => ({
    recordId, childId, kind, stageKey: stageKey || undefined, title, heldOn, notes,
    agreements: rows.filter((r) => r.what.trim()).map((r) => ({ owner: r.owner, what: r.what, dueOn: r.dueOn || undefined, sharing: r.sharing || undefined })),
  });

  async function save() {
    const res = await saveRecordAction(payload());
    if (res.ok) {
      setRecordId(res.data?.recordId);
      setSaved(t('saved'));
      setError(null);
      return res.data?.recordId;
    }
    setError(te(res.error));
    return undefined;
  }

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSaved(t('saving'));
    const timer = setTimeout(() => void save(), 1500);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- autosave whenever the content changes
  }, [kind, stageKey, title, heldOn, notes, rows]);

  function publish() {
    start(async () => {
      const id = await save();
      if (!id) return;
      const res = await publishRecordAction({ recordId: id, childId });
      if (res.ok) router.push(`/kind/${childId}`);
      else setError(te(res.error));
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <Alert>{t('parentsRead')}</Alert>
      <div className="grid gap-3 sm:grid-cols-4">
        <label className="flex flex-col gap-1 font-medium">{t('kind')}
          <select className={input} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(['talk', 'phone', 'extra'] as const).map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-medium">{t('stage')}
          <select className={input} value={stageKey} onChange={(e) => { setStageKey(e.target.value); setTitle(stages.find((s) => s.key === e.target.value)?.name ?? t(`kinds.${kind}`)); }}>
            {stages.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
            <option value="">{t('noStage')}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 font-medium">{t('titleLabel')}<input className={input} value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <label className="flex flex-col gap-1 font-medium">{t('heldOn')}<input type="date" className={input} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} /></label>
      </div>
      {topics.map((topic) => (
        <label key={topic} className="flex flex-col gap-1"><span className="font-medium">{topic}</span>
          <textarea rows={2} className="rounded-lg border border-stone-500 p-2" value={notes[topic] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [topic]: e.target.value }))} />
        </label>
      ))}
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">{t('agreements')}</legend>
        {rows.map((r, i) => (
          <div key={r.key} className="grid gap-2 rounded-lg bg-stone-100 p-2 sm:grid-cols-[9rem_1fr_10rem]" data-testid="agreement-row">
            <label className="flex flex-col text-sm">{t('who')}
              <select className={input} value={r.owner} onChange={(e) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, owner: e.target.value as AgreementRow['owner'] } : x)))}>
                {(['CHILD', 'PARENT', 'TEACHER', 'SCHOOL'] as const).map((o) => <option key={o} value={o}>{t(`owners.${o}`)}</option>)}
              </select>
            </label>
            <label className="flex flex-col text-sm">{t('what', { n: i + 1 })}<input className={input} value={r.what} onChange={(e) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, what: e.target.value } : x)))} /></label>
            <label className="flex flex-col text-sm">{t('byWhen')}<input type="date" className={input} value={r.dueOn} onChange={(e) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, dueOn: e.target.value } : x)))} /></label>
            <label className="flex flex-col text-sm sm:col-span-3">{t('sharing')}<input className={input} value={r.sharing} onChange={(e) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, sharing: e.target.value } : x)))} /></label>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { key: Date.now(), owner: 'CHILD', what: '', dueOn: '', sharing: '' }])}>{t('addAgreement')}</Button>
      </fieldset>
      <p aria-live="polite" className="text-sm text-stone-600">{saved}</p>
      <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
      <Button type="button" onClick={publish} disabled={pending}>{t('publish')}</Button>
    </div>
  );
}
