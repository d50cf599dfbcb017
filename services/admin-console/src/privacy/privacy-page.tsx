import { ConsentRulesForm } from './consent-rules-form';
import { RetentionSection } from './retention-section';
import './privacy.css';

/** Admins only: the consent rules for minors, and the retention of conversation histories with its preview. */
export function PrivacyPage() {
  return (
    <section className="privacy" aria-labelledby="privacy-heading">
      <h1 id="privacy-heading">Privacy</h1>
      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading">Age and guardian consent</h2>
        <ConsentRulesForm />
      </section>
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">Retention</h2>
        <RetentionSection />
      </section>
    </section>
  );
}
