import { z } from 'zod';

/** Ids from forms and URLs are validated like every other field (client-safe: no server imports). */
export const idSchema = z.string().min(1).max(40).regex(/^[\w-]+$/);
