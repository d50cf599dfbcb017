// What a failed message's error code means, in words an admin can act on (../shared/WHATSAPP.md, error
// codes). The one table: the engine puts the reason on every failed message it serves (REST, SSE, NATS), so
// admin-api and the console show it without knowing Meta's codes. How each code is retried is the sender's
// business (whatsapp-sender send-error.ts), not this table's.

const OUR_BUG = 'WhatsApp refused the message as badly formed. This is a fault in the system: please report it.';
const RETRIES_USED = 'WhatsApp was too busy and every retry was used up. Try sending it again later.';

export const DELIVERY_FAILURE_REASONS: Readonly<Record<number, string>> = {
  // Our own failures, no answer from Meta at all (timeout, network): the sender reports code 0.
  0: 'WhatsApp could not be reached, even after retrying. Try sending it again later.',
  1: RETRIES_USED,
  2: RETRIES_USED,
  4: RETRIES_USED,
  80007: RETRIES_USED,
  130429: RETRIES_USED,
  131000: RETRIES_USED,
  131057: 'The WhatsApp business account was in maintenance. Try sending it again later.',
  131056: 'Too many messages were sent to this student in a short time. Wait a little, then send it again.',
  100: OUR_BUG,
  131008: OUR_BUG,
  131009: OUR_BUG,
  131026:
    "WhatsApp could not deliver this to the student's phone: the number may not be on WhatsApp, the app may be too old, or the student has not accepted WhatsApp's terms.",
  131047: 'More than 24 hours have passed since the student last wrote. Only an approved template can reach them now.',
  131048: 'WhatsApp held the message back because too many of our messages were reported or blocked. Do not resend it now.',
  131049:
    'WhatsApp limits how many marketing messages one person receives, and did not deliver this one. Do not resend it within 24 hours.',
  131050: 'The student has stopped marketing messages from the school. Reach them when they write to us.',
  130472:
    'The student is in a WhatsApp test group that receives no marketing messages; it was not delivered (and not charged). Reach them inside a conversation they start.',
  131031: 'The WhatsApp business account is locked. An administrator must resolve it with Meta.',
  368: "The WhatsApp business account is blocked for breaking WhatsApp's policies. An administrator must resolve it with Meta.",
  190: 'The WhatsApp access token is invalid or expired. An administrator must renew it.',
};

/** The plain-language reason of a delivery failure: a known code's own, otherwise a general one. */
export function deliveryFailureReason(code: number): string {
  return DELIVERY_FAILURE_REASONS[code] ?? 'WhatsApp did not deliver this message.';
}
