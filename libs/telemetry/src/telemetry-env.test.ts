import { describe, expect, it } from 'vitest';
import { parseKeyValues, telemetryEnvSchema, tracingSettings } from './telemetry-env';

describe('tracingSettings', () => {
  it('is off when no exporter or endpoint is named', () => {
    expect(tracingSettings('svc', {})).toBeNull();
    expect(tracingSettings('svc', { OTEL_BSP_SCHEDULE_DELAY: 100 })).toBeNull();
  });

  it('is off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none, even with an endpoint', () => {
    expect(tracingSettings('svc', { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
    expect(tracingSettings('svc', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
  });

  it('appends /v1/traces to the generic endpoint and uses the traces endpoint as it is', () => {
    expect(tracingSettings('svc', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })?.url).toBe('http://collector:4318/v1/traces');
    expect(
      tracingSettings('svc', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/custom' })
        ?.url,
    ).toBe('http://b:9999/custom');
    expect(tracingSettings('svc', { OTEL_TRACES_EXPORTER: 'otlp' })?.url).toBe('http://localhost:4318/v1/traces');
  });

  it('reads protocol, headers, service name, sampler and batch settings', () => {
    const settings = tracingSettings('svc', {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=x%20y',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=2',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: 0.25,
      OTEL_BSP_SCHEDULE_DELAY: 100,
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=staging',
    });
    expect(settings).toMatchObject({
      protocol: 'http/json',
      headers: { a: '1', b: '2' },
      serviceName: 'svc',
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
      resourceAttributes: { 'deployment.environment': 'staging' },
      batch: { scheduledDelayMillis: 100 },
    });
    expect(tracingSettings('svc', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_SERVICE_NAME: 'other' })?.serviceName).toBe('other');
    expect(tracingSettings('svc', { OTEL_TRACES_EXPORTER: 'otlp' })?.protocol).toBe('http/protobuf');
  });
});

describe('telemetryEnvSchema', () => {
  it('refuses values that are not what the specification allows', () => {
    const result = telemetryEnvSchema.safeParse({
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x',
      OTEL_TRACES_SAMPLER_ARG: '2',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_TRACES_EXPORTER',
      'OTEL_TRACES_SAMPLER_ARG',
    ]);
  });

  it('parses key=value lists with percent-encoded values', () => {
    expect(parseKeyValues('authorization=Bearer%20abc, x-tenant = school ,broken')).toEqual({
      authorization: 'Bearer abc',
      'x-tenant': 'school',
    });
  });
});
