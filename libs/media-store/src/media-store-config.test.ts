import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mediaStoreFields } from './media-store-config';

const parse = (env: Record<string, string>) => z.object(mediaStoreFields(env)).safeParse(env);
const problemsOf = (env: Record<string, string>) => (parse(env).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).sort();

describe('the media store configuration', () => {
  it('defaults to the filesystem store in ./.data/media of the working directory', () => {
    expect(parse({}).data).toEqual({
      MEDIA_STORE: 'fs',
      MEDIA_DIR: path.resolve('.data/media'),
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
  });

  it('needs no bucket for the filesystem store, but requires one for S3', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ MEDIA_STORE: 's3' })).toEqual(['S3_BUCKET: required when MEDIA_STORE is s3']);
  });

  it('reads an S3-compatible endpoint, region, path style and prefix', () => {
    const env = {
      MEDIA_STORE: 's3',
      S3_BUCKET: 'media.school-1',
      S3_ENDPOINT: 'https://r2.example.com',
      S3_REGION: 'auto',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: '/prod/media/',
    };
    expect(parse(env).data).toMatchObject({
      S3_BUCKET: 'media.school-1',
      S3_ENDPOINT: 'https://r2.example.com',
      S3_REGION: 'auto',
      S3_FORCE_PATH_STYLE: true,
      S3_PREFIX: 'prod/media',
    });
  });

  it('lists every bad key at once', () => {
    const env = {
      MEDIA_STORE: 's3',
      S3_BUCKET: 'Media_Bucket',
      S3_ENDPOINT: 'ftp://files',
      S3_FORCE_PATH_STYLE: 'perhaps',
      S3_PREFIX: '../other',
    };
    expect(problemsOf(env).map((p) => p.split(':')[0])).toEqual(['S3_BUCKET', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX']);
    expect(problemsOf({ MEDIA_STORE: 'gcs' }).map((p) => p.split(':')[0])).toEqual(['MEDIA_STORE']);
  });
});
