// Attachments of an announcement: what may be attached and how a file is recognised. Client-safe
// (the form shows the same limits); the service checks every file again on the server.

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** For the file input's accept attribute: a hint to the picker, never trusted. */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp';

export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The file's type from its first bytes, whatever its name or the browser's claim says: a renamed
 * .html or .svg is not served back as a PDF or image. Null for anything else.
 */
export function detectAttachmentType(data: Uint8Array): AttachmentType | null {
  if (startsWith(data, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/**
 * A name safe to store and to put in Content-Disposition: no folders, no control characters or
 * quotes, at most 120 characters, and never empty.
 */
export function cleanFileName(name: string, type: AttachmentType) {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(-120);
  return clean || `bijlage.${type === 'application/pdf' ? 'pdf' : type.slice(6)}`;
}

/** RFC 6266: a download under its own name, an ASCII fallback for old clients and the exact name in UTF-8. */
export function contentDisposition(fileName: string) {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'bijlage';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
