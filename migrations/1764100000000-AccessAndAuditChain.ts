import type { MigrationInterface, QueryRunner } from 'typeorm';

// Identities (organisations, users with one role, assessor assignments), API tokens stored as
// hashes, a hash-chained audit log that the service cannot rewrite, and rate-limit counters.

export class AccessAndAuditChain1764100000000 implements MigrationInterface {
  name = 'AccessAndAuditChain1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL,
        type varchar(32) NOT NULL,
        member_id uuid NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_organisation_member FOREIGN KEY (member_id) REFERENCES member (id),
        CONSTRAINT ck_organisation_type CHECK (type IN ('GOVERNMENT','CIVIL_SOCIETY','ASSESSOR')),
        CONSTRAINT ck_organisation_name CHECK (length(btrim(name)) > 0)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_organisation_name ON organisation (lower(name))`);
    await db.query(`CREATE INDEX ix_organisation_listing ON organisation (name, id)`);

    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        email varchar(320) NOT NULL,
        role varchar(16) NOT NULL,
        member_id uuid NULL,
        organisation_id uuid NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_app_user_member FOREIGN KEY (member_id) REFERENCES member (id),
        CONSTRAINT fk_app_user_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT ck_app_user_role CHECK (role IN ('admin','government_poc','civil_society','assessor')),
        -- a point of contact belongs to exactly one member; a civil-society user to an organisation
        CONSTRAINT ck_app_user_member CHECK ((role = 'government_poc') = (member_id IS NOT NULL)),
        CONSTRAINT ck_app_user_organisation CHECK (role <> 'civil_society' OR organisation_id IS NOT NULL),
        CONSTRAINT ck_app_user_name CHECK (length(btrim(name)) > 0)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (lower(email))`);
    await db.query(`CREATE INDEX ix_app_user_listing ON app_user (name, id)`);
    await db.query(`CREATE INDEX ix_app_user_role ON app_user (role, name, id)`);
    await db.query(`CREATE INDEX ix_app_user_member ON app_user (member_id)`);
    await db.query(`CREATE INDEX ix_app_user_organisation ON app_user (organisation_id)`);

    await db.query(`
      CREATE TABLE assessor_assignment (
        user_id uuid NOT NULL,
        member_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_assessor_assignment PRIMARY KEY (user_id, member_id),
        CONSTRAINT fk_assessor_assignment_user FOREIGN KEY (user_id) REFERENCES app_user (id),
        CONSTRAINT fk_assessor_assignment_member FOREIGN KEY (member_id) REFERENCES member (id)
      )`);
    await db.query(`CREATE INDEX ix_assessor_assignment_member ON assessor_assignment (member_id)`);

    await db.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        name varchar(200) NOT NULL,
        prefix varchar(16) NOT NULL,
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NULL,
        revoked_at timestamptz NULL,
        last_used_at timestamptz NULL,
        CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id),
        CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
        CONSTRAINT ck_api_token_name CHECK (length(btrim(name)) > 0)
      )`);
    await db.query(`CREATE INDEX ix_api_token_user ON api_token (user_id, created_at, id)`);

    // The audit chain: every entry carries the hash of the one before and its own.
    await db.query(`ALTER TABLE audit_log ADD COLUMN actor_id uuid NULL`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN actor_role varchar(16) NULL`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN commitment_id uuid NULL`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN prev_hash char(64) NULL`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN hash char(64) NULL`);
    await db.query(`ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_action`);
    await db.query(
      `ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_action CHECK (action IN ('CREATE','UPDATE','DELETE','REVOKE','DENIED'))`,
    );
    await db.query(
      `CREATE INDEX ix_audit_log_commitment ON audit_log (commitment_id, id) WHERE commitment_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, id)`);
    await db.query(`CREATE INDEX ix_audit_log_action ON audit_log (action, id)`);

    // One row holds the head of the chain: appending updates it, which also makes appends take turns.
    await db.query(`
      CREATE TABLE audit_head (
        id integer PRIMARY KEY DEFAULT 1,
        last_id bigint NULL,
        last_hash char(64) NULL,
        CONSTRAINT ck_audit_head_single CHECK (id = 1)
      )`);
    await db.query(`INSERT INTO audit_head (id) VALUES (1)`);

    await db.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await db.query(`
      CREATE TRIGGER tr_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);

    await db.query(`
      CREATE TABLE rate_limit (
        bucket varchar(200) NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL,
        CONSTRAINT pk_rate_limit PRIMARY KEY (bucket, window_start)
      )`);
    await db.query(`CREATE INDEX ix_rate_limit_window ON rate_limit (window_start)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit`);
    await db.query(`DROP TRIGGER tr_audit_log_no_truncate ON audit_log`);
    await db.query(`DROP TRIGGER tr_audit_log_append_only ON audit_log`);
    await db.query(`DROP FUNCTION audit_log_refuse_change()`);
    await db.query(`DROP TABLE audit_head`);
    await db.query(`DROP INDEX ix_audit_log_action`);
    await db.query(`DROP INDEX ix_audit_log_actor`);
    await db.query(`DROP INDEX ix_audit_log_commitment`);
    await db.query(`ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_action`);
    await db.query(
      `ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_action CHECK (action IN ('CREATE','UPDATE','DELETE'))`,
    );
    for (const column of ['hash', 'prev_hash', 'commitment_id', 'actor_role', 'actor_id']) {
      await db.query(`ALTER TABLE audit_log DROP COLUMN ${column}`);
    }
    for (const table of ['api_token', 'assessor_assignment', 'app_user', 'organisation']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
