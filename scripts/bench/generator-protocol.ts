// What the bench's main process and the load generator (a child, over IPC) say to each other.

export interface GeneratorRun {
  type: 'run';
  /** Gateway base URLs; messages go round-robin across them (gateway replicas). */
  targets: string[];
  path: string;
  rate: number;
  durationMs: number;
  /** Epoch ms of the first scheduled send. */
  startAt: number;
  /** The population's phone numbers; message g goes to phones[g % phones.length] as its k = floor(g / length). */
  phones: string[];
  /** Global index of this step's first message in the population (continues across steps). */
  firstIndex: number;
  runId: string;
  appSecret: string;
  phoneNumberId: string;
  text: string;
  requestTimeoutMs: number;
}

/** One webhook: [global index, scheduled epoch ms, HTTP status (0: no answer), answered epoch ms]. */
export type SentRecord = [number, number, number, number];

export interface GeneratorDone {
  type: 'done';
  sent: SentRecord[];
  /** How late the generator fired, worst case (ms): shows whether it kept its own schedule. */
  maxLagMs: number;
}

export const inboundWamid = (runId: string, student: number, k: number) => `wamid.bench.${runId}.${student}.${k}`;
