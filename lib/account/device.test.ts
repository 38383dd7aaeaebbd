import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import nl from '@/messages/nl.json';
import { BROWSERS, deviceLabel, parseDevice, SYSTEMS } from './device';

const tNl = createTranslator({ locale: 'nl', messages: nl, namespace: 'account' }) as unknown as (key: string, values?: Record<string, string>) => string;
const tEn = createTranslator({ locale: 'en', messages: en, namespace: 'account' }) as unknown as (key: string, values?: Record<string, string>) => string;

// Real User-Agent strings as these browsers send them.
const UA = {
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  samsungAndroid: 'Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  operaWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/116.0.0.0',
  firefoxIpad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
  chromeChromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  headless: 'curl/8.5.0',
};

describe('deviceLabel', () => {
  it.each([
    [UA.chromeAndroid, 'Chrome op Android'],
    [UA.safariIphone, 'Safari op iPhone'],
    [UA.chromeIphone, 'Chrome op iPhone'],
    [UA.firefoxWindows, 'Firefox op Windows'],
    [UA.edgeWindows, 'Edge op Windows'],
    [UA.safariMac, 'Safari op macOS'],
    [UA.samsungAndroid, 'Samsung Internet op Android'],
    [UA.operaWindows, 'Opera op Windows'],
    [UA.firefoxIpad, 'Firefox op iPad'],
    [UA.chromeChromebook, 'Chrome op ChromeOS'],
    [UA.firefoxLinux, 'Firefox op Linux'],
  ])('%s → %s', (ua, label) => {
    expect(deviceLabel(ua, tNl)).toBe(label);
  });

  it('says "Onbekend apparaat" when neither browser nor system is known', () => {
    for (const ua of [null, undefined, '', UA.headless]) expect(deviceLabel(ua, tNl)).toBe('Onbekend apparaat');
  });

  it('names the one part it knows', () => {
    expect(deviceLabel('Mozilla/5.0 (Windows NT 10.0) SomeBrowser/1.0', tNl)).toBe('Windows');
    expect(deviceLabel('Firefox/133.0', tNl)).toBe('Firefox');
  });

  it('speaks English too', () => {
    expect(deviceLabel(UA.chromeAndroid, tEn)).toBe('Chrome on Android');
    expect(deviceLabel(UA.headless, tEn)).toBe('Unknown device');
  });

  it('every browser and system it can name has a message in both languages', () => {
    for (const t of [tNl, tEn]) {
      for (const b of BROWSERS) expect(t(`device.browser.${b}`)).not.toMatch(/^account\./);
      for (const s of SYSTEMS) expect(t(`device.system.${s}`)).not.toMatch(/^account\./);
    }
    expect(parseDevice(UA.safariIphone)).toEqual({ browser: 'safari', system: 'iphone' });
  });
});
