// Types of scripts/edge.mjs (plain JavaScript so the server's workers start without a TypeScript loader).
export const CLIENT_ADDRESS_HEADER: 'x-ouderportaal-client';
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number, proxyAddresses?: string[]): string;
export function isProxyPeer(peer: string, listed: string[]): boolean;
export function isLoopback(address: string | null | undefined): boolean;
export const BODY_LIMITS: { auth: number; api: number; page: number; import: number; announcement: number };
export function bodyLimitFor(url: string): number;
export function newNonce(): string;
export function securityHeaders(opts: { nonce: string; https: boolean }): Record<string, string>;
