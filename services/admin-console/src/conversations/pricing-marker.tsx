import type { Message } from '../api/types';

const CATEGORY = {
  marketing: 'marketing',
  marketing_lite: 'marketing lite',
  utility: 'utility',
  authentication: 'authentication',
  authentication_international: 'authentication (international)',
  service: 'service',
  referral_conversion: 'referral',
} as const satisfies Record<string, string>;

/** A category as admins read it; one Meta adds later shows as Meta spells it, underscores aside. */
export function categoryLabel(category: string | null): string {
  if (category === null) return 'uncategorised';
  return (CATEGORY as Record<string, string>)[category] ?? category.replaceAll('_', ' ');
}

/** A small mark on a message Meta charges for (per-message pricing type `regular`); free ones show nothing. */
export function PricingMarker({ message }: { message: Message }) {
  if (!message.pricing?.billable) return null;
  return (
    <span className="message-billable" title="WhatsApp charges for this message">
      Billable · {categoryLabel(message.pricing.category)}
    </span>
  );
}
