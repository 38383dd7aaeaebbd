// `npm run db`: the database server in the foreground until Ctrl-C / SIGTERM (Playwright starts it this way).
import { baseDatabaseUrl, ensureDatabase, withDatabase } from './embedded-pg';

const base = baseDatabaseUrl();
const extra = (process.env.DB_NAMES ?? '').split(',').filter(Boolean).map((n) => withDatabase(base, n));
const stop = await ensureDatabase([base, ...extra]);
console.log(`database ready at ${new URL(base).host}`);
const bye = async () => {
  await stop();
  process.exit(0);
};
process.on('SIGINT', bye);
process.on('SIGTERM', bye);
setInterval(() => {}, 1 << 30);
