// Links in mail point at the portal as the browser reaches it (NEXTAUTH_URL, as sign-in links do).
export const portalBase = () => (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
export const portalUrl = (path: string) => `${portalBase()}${path}`;
