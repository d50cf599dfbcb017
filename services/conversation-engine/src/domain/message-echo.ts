import type { WhatsAppMessageEcho } from '@app/contracts';

/**
 * What an echo (a message the school sent from the WhatsApp Business app) shows in the history: a text's body,
 * else the caption of its image, video or document, else the body of an edit's new text; null otherwise (the
 * console then shows its type). The media itself is not fetched: the school has it on its phone.
 */
export function echoText(echo: WhatsAppMessageEcho): string | null {
  if (echo.text) return echo.text.body;
  const body: unknown = echo[echo.type];
  if (typeof body !== 'object' || body === null) return null;
  const { caption, message } = body as { caption?: unknown; message?: unknown };
  if (typeof caption === 'string') return caption;
  if (echo.type === 'edit' && typeof message === 'object' && message !== null) {
    const edited = message as { text?: { body?: unknown } };
    if (typeof edited.text?.body === 'string') return edited.text.body;
  }
  return null;
}
