import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitForReady } from '@app/runtime';
import { newNamespace, newPhone } from '@app/testing';

/*
 * What the image runs: `npm run build`'s bundle of the sandbox (dist/whatsapp-sandbox/main.mjs and its page),
 * on plain Node. Built here with the same script into a scratch folder under dist/.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const OUT = path.join('dist', `test-${newNamespace()}`);
const BUNDLE = path.join(ROOT, OUT, 'whatsapp-sandbox');

function runBundle(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(BUNDLE, 'main.mjs')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'whatsapp-sandbox', `--outdir=${OUT}`], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}, 60_000);
afterAll(() => {
  rmSync(path.join(ROOT, OUT), { recursive: true, force: true });
});

describe('the bundled sandbox', () => {
  it('serves the Cloud API and the built phone page from dist, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const run = runBundle({ NODE_ENV: 'development', WHATSAPP_SANDBOX_PORT: String(port) });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForReady(url, 15_000, () => run.child.exitCode === null);
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<script type="module" src="/phone.js">');
      expect(await (await fetch(`${url}/phone.js`)).text()).toBe(readFileSync(path.join(BUNDLE, 'page', 'phone.js'), 'utf8'));

      const send = await fetch(`${url}/v25.0/100000000000001/messages`, {
        method: 'POST',
        headers: { authorization: 'Bearer sandbox-token', 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to: newPhone(), type: 'text', text: { body: 'hello' } }),
      });
      expect(send.status).toBe(200);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('refuses to start in production, naming the reason', async () => {
    const run = runBundle({ NODE_ENV: 'production', WHATSAPP_SANDBOX_PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('never runs in production');
  });
});
