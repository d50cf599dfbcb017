import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@app/config';
import { loadSenderConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadSenderConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.split(':')[0] ?? p);
    throw error;
  }
  return [];
}

describe('loadSenderConfig', () => {
  it('applies the contract defaults in development', () => {
    const config = loadSenderConfig({});
    expect(config).toMatchObject({
      WHATSAPP_ACCESS_TOKEN: 'sandbox-token',
      WHATSAPP_PHONE_NUMBER_ID: '100000000000001',
      WHATSAPP_API_BASE_URL: 'https://graph.facebook.com',
      WHATSAPP_API_VERSION: 'v25.0',
      WHATSAPP_SEND_RATE: 80,
      WHATSAPP_SENDER_PORT: 8083,
      SENDER_CONCURRENCY: 32,
      SENDER_MAX_ATTEMPTS: 8,
      SENDER_BACKOFF_MS: 1_000,
      SENDER_HTTP_TIMEOUT_MS: 10_000,
      SENDER_PAIR_BACKOFF_MS: 4_000,
      SENDER_PROBE_INTERVAL_MS: 30_000,
      MEDIA_STORE: 'fs',
      MEDIA_DIR: path.resolve('.data/media'),
      MEDIA_MAX_BYTES: 16 * 1024 * 1024,
    });
  });

  it('requires the token and phone number id in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).sort()).toEqual(['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID']);
  });

  it('refuses a lock shorter than the Cloud API timeout', () => {
    expect(problemsOf({ SENDER_HTTP_TIMEOUT_MS: '5000', SENDER_LOCK_DURATION_MS: '4000' })).toEqual(['SENDER_LOCK_DURATION_MS']);
  });

  it('takes another Graph API version, and refuses one not shaped like v25.0', () => {
    expect(loadSenderConfig({ WHATSAPP_API_VERSION: 'v26.0' }).WHATSAPP_API_VERSION).toBe('v26.0');
    expect(problemsOf({ WHATSAPP_API_VERSION: '25' })).toEqual(['WHATSAPP_API_VERSION']);
  });

  it('drops a trailing slash from the API base URL', () => {
    expect(loadSenderConfig({ WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9000/' }).WHATSAPP_API_BASE_URL).toBe('http://127.0.0.1:9000');
  });

  it('stores media in S3 when told to, and lists a missing bucket with the other bad keys', () => {
    expect(loadSenderConfig({ MEDIA_STORE: 's3', S3_BUCKET: 'school-media', S3_PREFIX: 'prod' })).toMatchObject({
      MEDIA_STORE: 's3',
      S3_BUCKET: 'school-media',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
      S3_PREFIX: 'prod',
    });
    expect(problemsOf({ MEDIA_STORE: 's3', S3_ENDPOINT: 'minio:9000', SENDER_CONCURRENCY: '0' }).sort()).toEqual([
      'S3_BUCKET',
      'S3_ENDPOINT',
      'SENDER_CONCURRENCY',
    ]);
  });
});
