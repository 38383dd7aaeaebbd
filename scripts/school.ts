// `npm run school -- create --board "…" --name "…" --brin 12AB --city … --region midden
//   --director-email … --director-name "…" [--time-zone Europe/Amsterdam] [--locale en]`
// Provisions a school without a browser (a board setting up many schools), through the same service
// as the setup page. Uses DATABASE_URL, else the embedded PostgreSQL (started if it is not running).
import { parseArgs } from 'node:util';
import { baseDatabaseUrl, DatabaseSetupError, ensureDatabase } from './embedded-pg';

const USAGE = `Usage: npm run school -- create --board "Stichting …" --name "obs …" --brin 12AB --city Utrecht
         --region noord|midden|zuid --director-email directeur@school.nl --director-name "Anna van der Berg"
         [--time-zone Europe/Amsterdam] [--locale nl|en]`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      board: { type: 'string' },
      name: { type: 'string' },
      brin: { type: 'string' },
      city: { type: 'string' },
      region: { type: 'string' },
      'time-zone': { type: 'string' },
      'director-email': { type: 'string' },
      'director-name': { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals[0] !== 'create' || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }

  const url = baseDatabaseUrl();
  const stop = await ensureDatabase([url]);
  process.env.DATABASE_URL = url;
  process.env.MAIL_WORKER = 'off';
  const { prisma } = await import('../lib/db');
  const { provisionSchool, SetupInputError } = await import('../lib/setup/service');
  const { translatorFor } = await import('../lib/i18n/translator');
  const { fullName } = await import('../lib/format/name');
  const t = await translatorFor(values.locale ?? 'nl', 'setup');
  // The page's field names, so the error is reported against the option that was given.
  const OPTION = { boardName: '--board', name: '--name', brin: '--brin', city: '--city', holidayRegion: '--region', timeZone: '--time-zone', directorEmail: '--director-email', directorName: '--director-name' } as const;
  try {
    const { board, school, director } = await provisionSchool({
      boardName: values.board ?? '',
      name: values.name ?? '',
      brin: values.brin ?? '',
      city: values.city ?? '',
      holidayRegion: values.region ?? '',
      timeZone: values['time-zone'] ?? '',
      directorEmail: values['director-email'] ?? '',
      directorName: values['director-name'] ?? '',
    });
    console.log(
      [
        `Created ${school.name} (BRIN ${school.brin}, ${school.city}, region ${school.holidayRegion}, ${school.timeZone})`,
        `  board:    ${board.name}`,
        `  director: ${fullName(director)} <${director.email}>`,
        `  The director signs in with an e-mail link at ${(process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '')}/inloggen and sets a password under Account.`,
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof SetupInputError)) throw e;
    for (const [field, keys] of Object.entries(e.fieldErrors)) console.error(`${OPTION[field as keyof typeof OPTION] ?? field}: ${t(`errors.${keys[0]}`)}`);
    console.error('Nothing was created.');
    return 1;
  } finally {
    await prisma.$disconnect();
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof DatabaseSetupError ? e.message : e);
    process.exit(1);
  },
);
