// The production server: Next.js behind one port in WEB_CONCURRENCY processes (default: one per
// core), with the edge rules that must hold before Next reads a byte of the request:
// the client's real address for rate limiting, bounded request bodies, and the security headers.
// Plain JavaScript so that every worker starts with plain `node` (no TypeScript loader in the hot path).
//
// Everything several processes must share (rate limits, holds, job claims, the mail outbox) lives in
// PostgreSQL, so the workers need no coordination of their own.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import os from 'node:os';
import next from 'next';
import { CLIENT_ADDRESS_HEADER, bodyLimitFor, clientAddress, securityHeaders, newNonce } from './edge.mjs';

const port = Number(process.env.PORT ?? 3000);
const demo = !process.env.SMTP_URL;
// The demo shows every sign-in link on /demo/mail, so it only listens on this machine unless told otherwise.
const hosts = process.env.HOST ? [process.env.HOST] : demo ? ['127.0.0.1', '::1'] : ['::'];
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY || os.availableParallelism()));
const trustedProxies = Math.max(0, Number(process.env.TRUSTED_PROXIES ?? (process.env.TRUST_PROXY === '1' ? 1 : 0)));
const proxyAddresses = (process.env.TRUSTED_PROXY_ADDRESSES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https:');

if (cluster.isPrimary && workers > 1) {
  primary();
} else {
  await worker();
}

function primary() {
  let stopping = false;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  let ready = 0;
  cluster.on('message', (_w, msg) => {
    if (msg === 'ready' && ++ready === workers) process.send?.('ready');
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    // A worker that dies is replaced; one that dies right after starting would loop, so wait a little.
    const age = Date.now() - (started.get(w.id) ?? 0);
    console.error(`[server] worker ${w.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, age < 5000 ? 2000 : 0);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    let left = alive.length;
    if (!left) process.exit(0);
    for (const w of alive) {
      w.once('exit', () => --left === 0 && process.exit(0));
      w.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`[server] ${workers} processes on port ${port}`);
}

async function worker() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
  await app.prepare();
  const handle = app.getRequestHandler();
  const servers = hosts.map(() => {
    const server = createServer(onRequest);
    // A client that asks before sending its body (Expect: 100-continue) hears "too large" before sending it.
    server.on('checkContinue', (req, res) => {
      if (!bodyRefusal(req)) res.writeContinue();
      onRequest(req, res);
    });
    return server;
  });

  function onRequest(req, res) {
    // The client's address is decided here and nowhere else; whatever a client sent under this name is dropped.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies, proxyAddresses);

    const nonce = newNonce();
    for (const [name, value] of Object.entries(securityHeaders({ nonce, https }))) res.setHeader(name, value);
    // Next reads the nonce for its own scripts from the request's policy header.
    req.headers['content-security-policy'] = res.getHeader('content-security-policy');

    const refusal = bodyRefusal(req);
    if (refusal) {
      res.statusCode = refusal;
      res.setHeader('content-type', 'application/json');
      res.setHeader('connection', 'close');
      res.end(JSON.stringify({ error: refusal === 413 ? 'PAYLOAD_TOO_LARGE' : 'LENGTH_REQUIRED' }));
      // Do not read the rest of an oversized body: the connection closes after the answer.
      req.socket.on('error', () => {});
      return;
    }
    handle(req, res);
  }
  await Promise.all(
    servers.map(
      (s, i) =>
        new Promise((resolve, reject) => {
          s.once('error', (e) => (hosts[i] === '::1' && e.code === 'EADDRNOTAVAIL' ? resolve() : reject(e)));
          s.listen(port, hosts[i], resolve);
        }),
    ),
  );
  if (cluster.isWorker) process.send?.('ready');
  else console.log(`[server] listening on ${hosts.join(', ')} port ${port}`);

  const stop = () => {
    for (const s of servers) s.close();
    // In-flight requests get a moment to finish; then the process goes, idle keep-alive sockets or not.
    setTimeout(() => process.exit(0), 3000).unref();
    Promise.all(servers.map((s) => new Promise((r) => s.once('close', r)))).then(() => process.exit(0));
    for (const s of servers) s.closeIdleConnections?.();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** 413 when the declared body is over the route's limit, 411 when a body comes without a declared length. */
function bodyRefusal(req) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return null;
  const limit = bodyLimitFor(req.url ?? '/');
  const declared = req.headers['content-length'];
  if (declared === undefined) return req.headers['transfer-encoding'] ? 411 : null;
  return Number(declared) > limit ? 413 : null;
}
