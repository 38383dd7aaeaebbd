import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbstractIntlMessages } from 'next-intl';
import { CLIENT_NAMESPACES, clientMessages } from './client-messages';
import { loadMessages } from './locales';

// Client components read their texts from what the layout sends along (lib/i18n/client-messages.ts):
// a namespace missing from that list would show raw keys in the browser, so every useTranslations
// in the code must name a listed namespace.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(tsx?|mts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('messages sent to the browser', () => {
  it('cover every namespace a client component reads', () => {
    const used = new Set<string>();
    for (const file of ['app', 'components', 'lib'].flatMap(sources)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/useTranslations\(\s*(['"`])([^'"`]*)\1?/g)) used.add(m[2].split('.')[0]);
      expect(readFileSync(file, 'utf8'), `${file}: useTranslations() without a namespace`).not.toMatch(/useTranslations\(\s*\)/);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it('leave out what only the server needs (mail texts, the PDF) and keep what clients read', async () => {
    const all = (await loadMessages('nl')) as AbstractIntlMessages;
    const sent = clientMessages(all);
    expect(Object.keys(sent)).toContain('errors');
    expect(Object.keys(sent)).not.toContain('mail');
    expect(Object.keys(sent)).not.toContain('pdf');
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(all).length);
  });
});
