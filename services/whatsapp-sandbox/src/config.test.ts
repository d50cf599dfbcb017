import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS } from '@app/config';
import { loadSandboxConfig } from './config';

describe('sandbox config', () => {
  it("defaults to the services' development token, number and app secret, so they match with nothing set", () => {
    const config = loadSandboxConfig({});
    expect(config).toMatchObject({
      WHATSAPP_SANDBOX_PORT: DEFAULTS.ports.whatsappSandbox,
      WHATSAPP_ACCESS_TOKEN: DEFAULTS.dev.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: DEFAULTS.dev.phoneNumberId,
      WHATSAPP_APP_SECRET: DEFAULTS.dev.appSecret,
      WHATSAPP_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${DEFAULTS.ports.webhookGateway}/api/webhook/whatsapp`,
      WHATSAPP_SANDBOX_READ_DELAY_MS: 0,
    });
  });

  it('refuses to run in production, and lists every other problem with it', () => {
    let problems: string[] = [];
    try {
      loadSandboxConfig({ NODE_ENV: 'production', WHATSAPP_SANDBOX_WEBHOOK_URL: 'ftp://gateway' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'NODE_ENV',
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_SANDBOX_WEBHOOK_URL',
    ]);
    expect(problems.find((p) => p.startsWith('NODE_ENV'))).toContain('never runs in production');
  });
});
