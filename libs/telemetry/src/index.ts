export { telemetryEnvFields } from './telemetry-env';
export { startTracing } from './start-tracing';
export { contextFromCarrier, contextFromNatsHeaders, injectNatsHeaders, traceCarrierOf } from './propagation';
export {
  httpServerSpan,
  inProducerSpan,
  inSpan,
  openSpan,
  recordFailure,
  SpanKind,
  SpanStatusCode,
  withContext,
  type Context,
  type Span,
} from './spans';
