/**
 * Versioned migrations, run by Kysely's Migrator (which takes a database lock, so several server processes
 * starting together on one PostgreSQL apply each migration once). Never edit a released migration: add one.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Statements run one by one (PGlite's extended protocol takes one statement per query). */
function statements(...list: string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}

const migrations: Record<string, Migration> = {
  '0001_initial': statements(
    `create table units (
       id serial primary key,
       code text not null unique,
       name text not null,
       form_title text not null,
       review_levels integer not null default 3 check (review_levels between 1 and 3),
       accepted_block_levels integer not null default 3 check (accepted_block_levels between 1 and 3),
       allow_override boolean not null default false,
       policy_version integer not null default 1,
       created_at timestamptz not null default now())`,
    `create table people (
       id serial primary key,
       username text not null unique,
       name text not null,
       password_hash text not null,
       disabled boolean not null default false,
       failed_logins integer not null default 0,
       locked_until timestamptz,
       created_at timestamptz not null default now())`,
    `create table memberships (
       person_id integer not null references people(id) on delete cascade,
       unit_id integer not null references units(id) on delete cascade,
       role text not null check (role in ('editor','first','second','final','admin')),
       primary key (person_id, unit_id, role))`,
    `create table refresh_tokens (
       token_hash text primary key,
       person_id integer not null references people(id) on delete cascade,
       expires_at timestamptz not null,
       revoked_at timestamptz,
       created_at timestamptz not null default now())`,
    `create table drafts (
       id serial primary key,
       unit_id integer not null references units(id),
       draft_key text not null,
       editor_id integer not null references people(id),
       platform text not null,
       account text,
       title text not null,
       draft_hash text not null,
       content text,
       findings text,
       block_count integer not null,
       finding_count integer not null,
       status text not null,
       next_level text,
       approval text,
       approval_signature text,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       purged_at timestamptz)`,
    `create index drafts_unit_status on drafts (unit_id, status, next_level)`,
    `create index drafts_unit_key on drafts (unit_id, draft_key)`,
    `create table acceptances (
       draft_id integer not null references drafts(id) on delete cascade,
       finding_id text not null,
       person_id integer not null references people(id),
       reason text not null,
       at timestamptz not null,
       primary key (draft_id, finding_id))`,
    `create table decisions (
       id serial primary key,
       draft_id integer not null references drafts(id) on delete cascade,
       level text not null,
       person_id integer not null references people(id),
       decision text not null,
       opinion text not null,
       at timestamptz not null,
       unique (draft_id, level))`,
    `create table log_heads (unit_id integer primary key references units(id), seq integer not null, hash text not null)`,
    `create table log_records (
       unit_id integer not null references units(id),
       seq integer not null,
       record text not null,
       hash text not null,
       draft_id integer,
       at timestamptz not null,
       primary key (unit_id, seq))`,
    `create table checkpoints (
       id serial primary key,
       unit_id integer not null references units(id),
       kind text not null,
       day text,
       seq integer not null,
       hash text not null,
       payload text not null,
       signature text not null,
       created_at timestamptz not null default now())`,
    `create unique index checkpoints_daily on checkpoints (unit_id, day) where kind = 'daily'`,
    `create table server_secrets (name text primary key, value text not null)`,
  ),
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
