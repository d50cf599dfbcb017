import path from 'node:path';
import { z } from 'zod';
import { createFsMediaStore } from './fs-media-store';
import { isValidKey, type MediaStore } from './media-store';
import { createS3MediaStore } from './s3-media-store';

type Env = Record<string, string | undefined>;

const bucket = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3-63 lowercase letters, digits, . and -');

/**
 * The media store's keys, shared by whatsapp-sender (writes) and admin-api (reads): both must name the same
 * store. Each service lists them in its own schema, so every bad key is reported with the others. S3
 * credentials are not here: the SDK's default chain finds them (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
 * a web identity token on Kubernetes, an instance role), so no secret passes through the config.
 */
export function mediaStoreFields(env: Env) {
  return {
    MEDIA_STORE: z.enum(['fs', 's3']).default('fs'),
    /** fs: the directory, a volume both services mount. Relative to the working directory. */
    MEDIA_DIR: z
      .string()
      .min(1)
      .default('./.data/media')
      .transform((dir) => path.resolve(dir)),
    S3_BUCKET: env.MEDIA_STORE === 's3' ? z.string({ error: 'required when MEDIA_STORE is s3' }).pipe(bucket) : bucket.optional(),
    /** Another S3-compatible service (MinIO, R2, ...); unset means AWS itself. */
    S3_ENDPOINT: z
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s):// URL')
      .optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** `bucket` in the path instead of the host name: what MinIO and most self-hosted servers need. */
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    S3_PREFIX: z
      .string()
      .transform((p) => p.replace(/^\/+|\/+$/g, ''))
      .refine((p) => p === '' || isValidKey(p), 'must be /-separated segments of letters, digits, _, - and .')
      .optional(),
  };
}

export type MediaStoreConfig = z.infer<z.ZodObject<ReturnType<typeof mediaStoreFields>>>;

/** Idle or unreachable S3 must not hold a media job or an admin's request forever. */
const S3_TIMEOUTS = { connectionTimeout: 5_000, socketTimeout: 60_000 };

export function createMediaStore(config: MediaStoreConfig): MediaStore {
  if (config.MEDIA_STORE === 'fs') return createFsMediaStore({ dir: config.MEDIA_DIR });
  // mediaStoreFields requires it with s3; this guards a config built by hand.
  if (config.S3_BUCKET === undefined) throw new Error('S3_BUCKET is required when MEDIA_STORE is s3');
  return createS3MediaStore({
    bucket: config.S3_BUCKET,
    ...(config.S3_PREFIX ? { prefix: config.S3_PREFIX } : {}),
    client: {
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
      requestHandler: S3_TIMEOUTS,
    },
  });
}
