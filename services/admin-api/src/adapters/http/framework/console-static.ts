import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response, type Router } from 'express';

/** The console's built index.html: there is a console to serve only when it exists. */
const consoleIndexOf = (dir: string) => path.join(dir, 'index.html');
export const consoleBuilt = (dir: string) => existsSync(consoleIndexOf(dir));

/*
 * The console is data-free static files, public as CONTRACT.md says: everything it shows comes from the API
 * with a bearer token. Vite puts a content hash in every name under /assets, so those are cached for a year
 * (a new build has new names); index.html is revalidated each time, so a deploy reaches every browser on its
 * next load. The page may load nothing from elsewhere, and nobody may frame it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
}

const isApi = (urlPath: string) => urlPath === '/api' || urlPath.startsWith('/api/');
/**
 * `/conversations/4477...` is a console route; `/assets/gone.js` or `/favicon.ico` is a missing file (404). A
 * conversation's address may hold a dot (a business-scoped user id, `/conversations/NG.1349...`): it is still a
 * console route, not a file.
 */
const isConversationRoute = (urlPath: string) => /^\/conversations(?:\/[^/]+)?\/?$/.test(urlPath);
const looksLikeFile = (urlPath: string) => path.posix.basename(urlPath).includes('.') && !isConversationRoute(urlPath);

/** Serves the built console from `dir`, and index.html for every other GET outside /api (the SPA's routes). */
export function consoleRouter(dir: string): Router {
  const index = consoleIndexOf(dir);
  const router = express.Router();
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders(res, filePath) {
        securityHeaders(res);
        const hashed = path.relative(dir, filePath).split(path.sep)[0] === 'assets';
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path) || looksLikeFile(req.path)) return next();
    securityHeaders(res);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index, (error) => error && next(error));
  };
  router.use(fallback);
  return router;
}
