import 'dotenv/config';
import path from 'node:path';
import pg from 'pg';
import { defineConfig } from 'prisma/config';
// The CLI's JS (wasm) schema engine needs adapter-pg v7 (v6 cannot deserialize the `name` type).
import { PrismaPg } from 'adapter-pg7';

// The embedded database of `npm start` unless DATABASE_URL says otherwise. The schema's env("DATABASE_URL")
// must resolve even for `prisma generate`, or Prisma falls back to downloading a query engine.
const url = (process.env.DATABASE_URL ||= 'postgresql://postgres:postgres@localhost:54329/ouderportaal');

// Workaround 1: the schema engine's introspection reads pg_catalog columns of type "char"
// (OID 18), which adapter-pg cannot map ("Column type 'char' could not be deserialized").
// Report them to the adapter as `text` (OID 25); values are identical strings.
type Field = { dataTypeID: number };
const proto = pg.Result.prototype as unknown as { addFields(fields: Field[]): void };
const addFields = proto.addFields;
proto.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
  return addFields.call(this, fields);
};

// Workaround 2: adapter-pg's connectToShadowDb drops the shadow DB while its pool is still
// connected. Create/drop it ourselves and close the pool first (DROP ... WITH (FORCE), PG13+).
class PrismaPgMigrate extends PrismaPg {
  async connectToShadowDb() {
    const name = `prisma_shadow_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const adapter = await new PrismaPg({ connectionString: shadowUrl.toString(), allowExitOnIdle: true, idleTimeoutMillis: 500 }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
    return adapter;
  }
}

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPgMigrate({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 500 }),
});
