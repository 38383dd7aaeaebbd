import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

// Messages are keys under "errors" in messages/*.json.
export const emailSchema = z.string().trim().toLowerCase().min(1, 'required').max(254, 'invalidEmail').email('invalidEmail');
export const requestLinkSchema = z.object({ email: emailSchema });
export const localeSchema = z.object({ locale: z.enum(locales) });
export const membershipSchema = z.object({ membershipId: z.string().min(1).max(40) });
