import { z } from 'zod';

const mode = z.enum(['IMMEDIATE', 'DIGEST']);
// Everyone receives messages, so that choice is always on the form; announcements only for guardians.
export const preferencesSchema = z.object({ MESSAGE: mode, ANNOUNCEMENT: mode.optional() });
