// What a step needs from the system under test, product or baseline alike.
import type { Ledger } from './ledger';
import type { Groups } from './measure/sampler';

export interface SystemUnderTest {
  kind: 'product' | 'baseline';
  gatewayUrls: string[];
  webhookPath: string;
  /** Service name -> its processes' pids (several with replicas). */
  serviceGroups: Groups;
  /** Checks order in the database for these conversations, counting messages after `sinceSeq`. */
  checkOrder(
    phones: string[],
    sinceSeq: number,
    ledger: Ledger,
  ): Promise<{ outOfOrder: number; concurrentInbound: number; maxSeq: number; examples: string[] }>;
  maxSeq(): Promise<number>;
  /** Inbound messages stored in the database per second (epoch s -> count), after `sinceSeq`. */
  storedPerSecond(phones: string[], sinceSeq: number): Promise<Map<number, number>>;
  /** Dead processes (a crash mid-step makes every figure meaningless). */
  dead(): string[];
  stop(): Promise<void>;
}

export const APP_SECRET = 'bench-app-secret';
export const PHONE_NUMBER_ID = '100000000000001';
export const API_VERSION = 'v25.0';
export const ACCESS_TOKEN = 'bench-access-token';
