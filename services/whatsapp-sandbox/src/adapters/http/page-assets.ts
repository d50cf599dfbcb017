import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export interface PageFile {
  body: Buffer;
  type: string;
}

/** The page's sources (dev), relative to this file; the bundle of `npm run build` sits beside main.mjs. */
const PAGE_SOURCE = path.resolve(import.meta.dirname, '../../../page');
const STATIC_FILES = { 'index.html': 'text/html; charset=utf-8', 'phone.css': 'text/css; charset=utf-8' } as const;
const SCRIPT_TYPE = 'text/javascript; charset=utf-8';

/**
 * The phone page: one HTML file, one stylesheet, and one script bundled by esbuild from page/src (plain
 * TypeScript and the DOM, no framework). `npm run build` writes the three files next to the service's bundle;
 * run from source, the sandbox bundles the script in memory at start (esbuild is a dev dependency).
 */
export function buildPageFiles(): Promise<Map<string, PageFile>> {
  built ??= bundle();
  return built;
}

let built: Promise<Map<string, PageFile>> | undefined;

async function bundle(): Promise<Map<string, PageFile>> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(PAGE_SOURCE, 'src', 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: 'phone.js',
    logLevel: 'warning',
  });
  // esbuild answers from a child process of its own; stop it, so the sandbox is one process again.
  await esbuild.stop();
  const files = new Map<string, PageFile>([['phone.js', { body: Buffer.from(result.outputFiles[0]!.contents), type: SCRIPT_TYPE }]]);
  for (const [name, type] of Object.entries(STATIC_FILES)) files.set(name, { body: readFileSync(path.join(PAGE_SOURCE, name)), type });
  return files;
}

export async function loadPageFiles(): Promise<Map<string, PageFile>> {
  const prebuilt = path.join(import.meta.dirname, 'page');
  if (!existsSync(path.join(prebuilt, 'phone.js'))) return buildPageFiles();
  const types: Record<string, string> = { ...STATIC_FILES, 'phone.js': SCRIPT_TYPE };
  return new Map(Object.entries(types).map(([name, type]) => [name, { body: readFileSync(path.join(prebuilt, name)), type }]));
}

// The page renders every message with textContent; the policy is the second line: no inline script, no
// other origin to talk to. Images may come from anywhere, since a school may send a picture by link.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function pageRoutes(files: Map<string, PageFile>): Router {
  const router = express.Router();
  const serve = (name: string) => (_req: express.Request, res: express.Response) => {
    const file = files.get(name)!;
    res.set({
      'content-type': file.type,
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.send(file.body);
  };
  router.get('/', serve('index.html'));
  router.get('/phone.js', serve('phone.js'));
  router.get('/phone.css', serve('phone.css'));
  return router;
}
