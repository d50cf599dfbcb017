import { z } from 'zod';
import { DEFAULTS, devDefault, fields, loadConfig, shutdownDrainMs, type Env } from '@app/config';

const delayMs = (fallback: number) => z.coerce.number().int().min(0).max(600_000).default(fallback);

/** The sandbox is a development tool: it uses the dev defaults the services use, so they match untouched. */
const sandboxConfigSchema = (env: Env) =>
  z.object({
    NODE_ENV: fields.nodeEnv.refine((v) => v !== 'production', 'the WhatsApp sandbox is a development tool and never runs in production'),
    LOG_LEVEL: fields.logLevel,
    WHATSAPP_SANDBOX_PORT: fields.port(DEFAULTS.ports.whatsappSandbox),
    SHUTDOWN_DRAIN_MS: shutdownDrainMs(env),
    WHATSAPP_ACCESS_TOKEN: devDefault(env, DEFAULTS.dev.accessToken),
    WHATSAPP_PHONE_NUMBER_ID: devDefault(env, DEFAULTS.dev.phoneNumberId, z.string().regex(/^\d{1,32}$/, 'must be digits')),
    WHATSAPP_APP_SECRET: devDefault(env, DEFAULTS.dev.appSecret),
    /** Where the sandbox delivers webhooks, as Meta would: the gateway's POST route. */
    WHATSAPP_SANDBOX_WEBHOOK_URL: z
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s):// URL')
      .default(`http://127.0.0.1:${DEFAULTS.ports.webhookGateway}/api/webhook/whatsapp`),
    /** After Meta accepted a message: its `sent` status, then `delivered` (the phone is always online). */
    WHATSAPP_SANDBOX_SENT_DELAY_MS: delayMs(300),
    WHATSAPP_SANDBOX_DELIVERED_DELAY_MS: delayMs(1_000),
    /** 0: `read` only when a phone page shows the chat. Otherwise also read after this long, page or not. */
    WHATSAPP_SANDBOX_READ_DELAY_MS: delayMs(0),
    /** The name and number the phone shows for the school. */
    WHATSAPP_SANDBOX_BUSINESS_NAME: z.string().min(1).max(60).default('School help desk'),
    WHATSAPP_SANDBOX_DISPLAY_NUMBER: z
      .string()
      .regex(/^\d{6,20}$/)
      .default('15550783881'),
  });

export type SandboxConfig = z.infer<ReturnType<typeof sandboxConfigSchema>>;

export function loadSandboxConfig(env: Env): Readonly<SandboxConfig> {
  return loadConfig(sandboxConfigSchema(env), env);
}
