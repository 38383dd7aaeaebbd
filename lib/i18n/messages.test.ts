import { describe, expect, it } from 'vitest';
import { defaultLocale, loadMessages, locales } from './locales';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string) {
  return [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
}

describe('message files', () => {
  it('every language has exactly the keys of Dutch, with the same placeholders', async () => {
    const source = await loadMessages(defaultLocale);
    const sourceKeys = keys(source).sort();
    expect(sourceKeys.length).toBeGreaterThan(50);
    for (const locale of locales) {
      const other = await loadMessages(locale);
      expect(keys(other).sort(), locale).toEqual(sourceKeys);
      for (const key of sourceKeys) {
        const get = (m: Record<string, unknown>) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string;
        expect(placeholders(get(other)), `${locale}: ${key}`).toEqual(placeholders(get(source)));
      }
    }
  });
});
