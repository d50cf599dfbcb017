import type { Generated } from 'kysely';

export interface PartitionLeasesTable {
  partition: number;
  owner: string | null;
  expires_at: Generated<Date>;
}

export interface EngineReplicasTable {
  id: string;
  seen_at: Generated<Date>;
}
