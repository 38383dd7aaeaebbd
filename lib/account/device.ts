// Names the device a session was opened on, from its User-Agent, as "Chrome op Android". Only for the
// person to recognise their own sessions: a User-Agent is whatever the browser says, so this is a
// label, never a check. The order of the tests matters: Edge, Opera and Samsung Internet also say
// "Chrome", Chrome also says "Safari", and an iPhone also says "Mac OS X".

export const BROWSERS = ['edge', 'opera', 'samsung', 'firefox', 'chrome', 'safari'] as const;
export const SYSTEMS = ['iphone', 'ipad', 'android', 'windows', 'chromeos', 'macos', 'linux'] as const;
export type Browser = (typeof BROWSERS)[number];
export type System = (typeof SYSTEMS)[number];

const browserRules: [Browser, RegExp][] = [
  ['edge', /\bEdg(e|A|iOS)?\//],
  ['opera', /\b(OPR|OPT|Opera)\//],
  ['samsung', /\bSamsungBrowser\//],
  ['firefox', /\b(Firefox|FxiOS)\//],
  ['chrome', /\b(Chrome|CriOS)\//],
  ['safari', /\bVersion\/[\d.]+.*\bSafari\//],
];

const systemRules: [System, RegExp][] = [
  ['iphone', /\biPhone\b/],
  ['ipad', /\biPad\b/],
  ['android', /\bAndroid\b/],
  ['windows', /\bWindows\b/],
  ['chromeos', /\bCrOS\b/],
  ['macos', /\bMac OS X\b|\bMacintosh\b/],
  ['linux', /\bLinux\b/],
];

export function parseDevice(userAgent: string | null | undefined): { browser: Browser | null; system: System | null } {
  const ua = userAgent ?? '';
  return {
    browser: browserRules.find(([, re]) => re.test(ua))?.[0] ?? null,
    system: systemRules.find(([, re]) => re.test(ua))?.[0] ?? null,
  };
}

/** The translator of the "account" namespace, or any function with its shape. */
export type DeviceTranslator = (key: string, values?: Record<string, string>) => string;

/** "Chrome op Android"; one part when only one is known; "Onbekend apparaat" when neither is. */
export function deviceLabel(userAgent: string | null | undefined, t: DeviceTranslator): string {
  const { browser, system } = parseDevice(userAgent);
  if (browser && system) return t('device.label', { browser: t(`device.browser.${browser}`), system: t(`device.system.${system}`) });
  if (browser) return t(`device.browser.${browser}`);
  if (system) return t(`device.system.${system}`);
  return t('device.unknown');
}
