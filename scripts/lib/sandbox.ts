import { DEFAULTS } from '@app/config';

/** The WhatsApp sandbox: a development tool `npm start` runs in place of Meta's Cloud API (never deployed). */
export const SANDBOX = { name: 'whatsapp-sandbox', entry: 'services/whatsapp-sandbox/src/main.ts' } as const;

/**
 * With no real Cloud API configured (WHATSAPP_API_BASE_URL unset), the sandbox stands in for it: the sender
 * is pointed at the sandbox, and the sandbox at the gateway. Token, phone number id and app secret keep their
 * development defaults on both sides (or the same values, when set), so they match.
 */
export function sandboxPlan(env: NodeJS.ProcessEnv, gatewayPort: number): { port: number } | undefined {
  if (env.WHATSAPP_API_BASE_URL) return undefined;
  const port = Number(env.WHATSAPP_SANDBOX_PORT || DEFAULTS.ports.whatsappSandbox);
  env.WHATSAPP_API_BASE_URL = `http://127.0.0.1:${port}`;
  env.WHATSAPP_SANDBOX_WEBHOOK_URL ||= `http://127.0.0.1:${gatewayPort}/api/webhook/whatsapp`;
  return { port };
}
