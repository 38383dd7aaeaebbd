import { z } from 'zod';

// Messages are keys under "account.errors" in messages/*.json.
export const MIN_PASSWORD_LENGTH = 12;

export const ownPasswordSchema = z
  .object({
    current: z.string().max(200, 'tooLong').optional().default(''),
    // Length is what makes a password strong (NIST SP 800-63B): no composition rules, spaces allowed.
    next: z.string().min(MIN_PASSWORD_LENGTH, 'tooShort').max(200, 'tooLong'),
    confirm: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.next === v.confirm, { message: 'confirmDiffers', path: ['confirm'] });
export type OwnPasswordInput = z.input<typeof ownPasswordSchema>;

// A session id as openSession makes it (base64url); anything else cannot name a session.
export const sessionIdSchema = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalidSession') });
