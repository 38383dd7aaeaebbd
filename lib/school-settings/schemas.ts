import { z } from 'zod';

// The complaint route's school settings. Messages are keys under "errors" (generic ones) or
// "communication.errors" (this form's own). An empty field clears the setting; a field that is not
// sent at all is refused ("required"), so a request without the form cannot wipe the route.

/** Only an https address: parents follow it from the portal, so no http:, javascript: or data:. */
function isHttpsUrl(v: string) {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const orNull = (v: string) => v || null;

export const complaintSettingsSchema = z.object({
  complaintProcedureUrl: text(500).refine((v) => v === '' || isHttpsUrl(v), 'httpsUrl').transform(orNull),
  counsellorName: text(200).transform(orNull),
  counsellorContact: text(500).transform(orNull),
});
/** The form's field names, as the action reads them. */
export const COMPLAINT_SETTINGS_FIELDS = ['complaintProcedureUrl', 'counsellorName', 'counsellorContact'] as const;
export type ComplaintSettings = z.output<typeof complaintSettingsSchema>;

/** The action's reading of the form: empty strings kept (they clear a setting), a missing field null (refused). */
export const complaintSettingsFields = (form: FormData) => Object.fromEntries(COMPLAINT_SETTINGS_FIELDS.map((n) => [n, form.get(n)]));
