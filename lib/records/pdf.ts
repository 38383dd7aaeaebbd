import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fullName } from '@/lib/format/name';
import { SCHOOL_TZ } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';
import type { childExportData } from './export';
import { isLegacyChildQuestion } from './agenda';

// The readable half of the data-subject export: an A4 PDF of the same timeline the file page shows.
// DejaVu Sans is embedded because the PDF base fonts cover only Western European letters, and
// families write names and notes in Turkish, Polish, Arabic and more.

type Data = Awaited<ReturnType<typeof childExportData>>;

const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');

export async function childFilePdf(data: Data, locale: string): Promise<Buffer> {
  const t = await translatorFor(locale, 'pdf');
  const tl = await translatorFor(locale, 'timeline');
  const tr = await translatorFor(locale, 'records');
  const tg = await translatorFor(locale, 'guidance');
  const tp = await translatorFor(locale, 'prepare');
  const tc = await translatorFor(locale, 'child');
  const date = (d: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d));
  const dateTime = (d: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: SCHOOL_TZ }).format(new Date(d));
  const name = fullName(data.child);

  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, pdfVersion: '1.7', lang: locale, tagged: true, displayTitle: true, info: { Title: t('title', { name }) } });
  doc.registerFont('regular', path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const heading = (text: string, size = 14) => doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#1c1917').text(text, doc.page.margins.left).moveDown(0.2);
  // An indent moves the whole paragraph (pdfkit's own `indent` moves only its first line).
  const line = (text: string, opts: { bold?: boolean; muted?: boolean; indent?: number } = {}) => {
    const indent = opts.indent ?? 0;
    const left = doc.page.margins.left;
    doc.font(opts.bold ? 'bold' : 'regular').fontSize(10.5).fillColor(opts.muted ? '#57534e' : '#1c1917');
    doc.text(text, left + indent, doc.y, { width: doc.page.width - left - doc.page.margins.right - indent, paragraphGap: 2 });
    doc.x = left;
  };
  const pairs = (values: unknown, label: (key: string) => string) => {
    for (const [k, v] of Object.entries((values ?? {}) as Record<string, string>)) {
      if (!v) continue;
      line(label(k), { bold: true, indent: 12 });
      line(v, { indent: 12 });
    }
  };

  doc.font('bold').fontSize(20).text(t('title', { name }));
  line(t('intro', { school: data.child.school.name, name, date: date(new Date()) }), { muted: true });

  heading(t('personal'));
  line(`${tc('pupilNumber')}: ${data.child.pupilNumber}`);
  line(`${tc('dateOfBirth')}: ${date(data.child.dateOfBirth)}`);
  line(`${t('groups')}: ${data.child.enrolments.map((e) => `${e.schoolYear.name} ${e.group.name}`).join(', ') || '–'}`);
  line(`${tc('guardians')}:`);
  for (const g of data.child.guardianships) {
    // Another household's e-mail and phone are left out unless the school shares them (childExportData).
    line(`${fullName(g.user)} (${g.relation}, ${tc(`rights.${g.right}`)})${g.user.email ? ` · ${g.user.email}` : ''}${g.user.phone ? ` · ${g.user.phone}` : ''}`, { indent: 12 });
  }
  line(t('retention', { name: data.child.firstName, months: data.child.school.retentionMonths }), { muted: true });

  heading(t('timeline'));
  if (data.timeline.length === 0) line(tl('empty'));
  for (const e of data.timeline) {
    doc.moveDown(0.4);
    const when = e.type === 'record' || e.type === 'guidance' ? date(e.at) : dateTime(e.at);
    line(`${when} · ${tl(`types.${e.type}`)}`, { bold: true });
    switch (e.type) {
      case 'record': {
        const r = e.record;
        line(r.title);
        pairs(r.notes, (k) => k);
        for (const a of r.agreements) {
          line(`${tr('agreements')}: ${tr(`owners.${a.owner}`)}: ${a.what}${a.dueOn ? ` (${tr('due', { date: date(a.dueOn) })})` : ''} · ${tr('status')}: ${tr(`statuses.${a.status}`)}`, { indent: 12 });
          if (a.sharing) line(`${tr('sharing')} ${a.sharing}`, { indent: 24, muted: true });
          for (const ev of a.events.filter((x) => x.kind !== 'created')) {
            line(`${dateTime(ev.createdAt)} · ${tr(`events.${ev.kind}`)}${ev.status ? ` (${tr(`statuses.${ev.status}`)})` : ''}${ev.note ? `: ${ev.note}` : ''}`, { indent: 24, muted: true });
          }
        }
        if (r.parentConfirmedAt) line(`${tr('parentConfirmed')} ${dateTime(r.parentConfirmedAt)}${r.parentResponse ? `: ${r.parentResponse}` : ''}`, { muted: true });
        break;
      }
      case 'note':
        line(e.note.text);
        line(tr('sharedWith', { roles: e.note.visibleTo.map((r) => tr(`roles.${r}`)).join(', ') || tr('roles.none') }), { muted: true });
        break;
      case 'guidance': {
        const p = e.plan;
        line(p.subject);
        line(`${tg('parentTask')}: ${p.parentTask}`, { indent: 12 });
        line(`${tg('how')}: ${p.how} · ${p.howOften}`, { indent: 12 });
        line(tg('period', { from: date(p.startsOn), to: date(p.evaluateOn) }), { indent: 12, muted: true });
        if (p.evaluatedAt) line(`${tg('evaluated', { helped: p.helped ? tg('yes') : tg('no'), decision: tg(`decisions.${p.decision}`) })}${p.evaluationNote ? `: ${p.evaluationNote}` : ''}`, { indent: 12 });
        break;
      }
      case 'preparation':
        line(tl('preparedFor', { round: e.preparation.round.name }));
        pairs(e.preparation.answers, (k) => k);
        if (Object.keys((e.preparation.childAnswers ?? {}) as object).length > 0) {
          line(tl('childAnswers'), { bold: true });
          pairs(e.preparation.childAnswers, (k) => (isLegacyChildQuestion(k) ? tp(`child.${k}`) : k));
        }
        break;
      case 'moment':
        line(e.moment.purpose);
        if (e.moment.location) line(tl('location', { location: e.moment.location }), { muted: true });
        break;
      case 'talk':
        line(tl('talk', { round: e.talk.round, attendance: tl(`talkAttendance.${e.talk.attendance}`) }));
        if (e.talk.location) line(tl('location', { location: e.talk.location }), { muted: true });
        break;
      case 'meeting':
        line(tl('meeting', { name: e.meeting.name, group: e.meeting.group, presence: e.meeting.present ? tl('present') : tl('absent') }));
        break;
    }
  }

  if (data.bookingHistory.length > 0) {
    heading(t('bookingHistory'));
    for (const b of data.bookingHistory) line(`${dateTime(b.createdAt)} · ${t(`bookingEvents.${b.kind}`)}${b.slotStart ? ` (${dateTime(b.slotStart)})` : ''}`);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit starts a new page
    doc.font('regular').fontSize(8).fillColor('#57534e').text(`${name} · ${t('page', { n: i + 1 })}`, 56, doc.page.height - 40, { lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
