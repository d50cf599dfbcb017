import type { SendMessageJob } from '@app/contracts';
import { contextFromCarrier, inSpan, SpanKind, SpanStatusCode } from '@app/telemetry';
import type { SendDecision } from '../../use-cases/ports';

/**
 * A CONSUMER span around one run of a send job, child of the trace context the engine put in the job (the
 * inbound message's trace), or a trace of its own for a job without one. The Cloud API call and the result
 * published on JetStream are its children. With tracing off it is the API's no-op span.
 */
export function inSendJobSpan(
  job: { id?: string; attemptsStarted: number },
  data: SendMessageJob,
  queueName: string,
  run: () => Promise<SendDecision>,
): Promise<SendDecision> {
  const attributes = {
    'messaging.system': 'bullmq',
    'messaging.operation.type': 'process',
    'messaging.destination.name': queueName,
    'messaging.message.id': data.messageId,
    'app.job.attempt': job.attemptsStarted,
  };
  return inSpan('process send-message', { kind: SpanKind.CONSUMER, parent: contextFromCarrier(data.trace), attributes }, async (span) => {
    const decision = await run();
    if (span.isRecording()) {
      span.setAttribute('app.send.decision', decision.kind);
      if (decision.kind === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, message: decision.reason });
    }
    return decision;
  });
}
