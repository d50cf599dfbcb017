import express from 'express';
import { listen } from '@app/runtime';
import { mountCloudApi, type CloudApiOptions, type FakeCloudApi } from './cloud-api';

/** The Cloud API double on its own loopback server: what tests point a sender at. */
export async function startFakeCloudApi(opts: CloudApiOptions = {}): Promise<FakeCloudApi> {
  const app = express();
  const api = mountCloudApi(app, opts);
  const running = await listen(app, 0, '127.0.0.1');
  return { ...api, url: running.url, close: () => running.close(100) };
}
