/** Table types for Kysely (one query layer for PGlite and PostgreSQL). Timestamps are timestamptz. */
import type { Generated } from 'kysely';

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  form_title: string;
  review_levels: number;
  accepted_block_levels: number;
  allow_override: boolean;
  policy_version: Generated<number>;
  created_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<number>;
  username: string;
  name: string;
  password_hash: string;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  person_id: number;
  unit_id: number;
  role: string;
}

export interface RefreshTokensTable {
  token_hash: string;
  person_id: number;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface DraftsTable {
  id: Generated<number>;
  unit_id: number;
  draft_key: string;
  editor_id: number;
  platform: string;
  account: string | null;
  title: string;
  draft_hash: string;
  /** {fields, pictures}; null once retention purged the text. */
  content: string | null;
  /** Current findings (with offsets and matched text); null once purged. */
  findings: string | null;
  block_count: number;
  finding_count: number;
  status: string;
  next_level: string | null;
  approval: string | null;
  approval_signature: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  purged_at: Date | null;
}

export interface AcceptancesTable {
  draft_id: number;
  finding_id: string;
  person_id: number;
  reason: string;
  at: Date;
}

export interface DecisionsTable {
  id: Generated<number>;
  draft_id: number;
  level: string;
  person_id: number;
  decision: string;
  opinion: string;
  at: Date;
}

export interface LogHeadsTable {
  unit_id: number;
  seq: number;
  hash: string;
}

export interface LogRecordsTable {
  unit_id: number;
  seq: number;
  /** Canonical JSON of the LogRecord (lib/review/types.ts), exactly as hashed. */
  record: string;
  hash: string;
  draft_id: number | null;
  at: Date;
}

export interface CheckpointsTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  day: string | null;
  seq: number;
  hash: string;
  payload: string;
  signature: string;
  created_at: Generated<Date>;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
}

export interface Database {
  units: UnitsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  refresh_tokens: RefreshTokensTable;
  drafts: DraftsTable;
  acceptances: AcceptancesTable;
  decisions: DecisionsTable;
  log_heads: LogHeadsTable;
  log_records: LogRecordsTable;
  checkpoints: CheckpointsTable;
  server_secrets: ServerSecretsTable;
}
