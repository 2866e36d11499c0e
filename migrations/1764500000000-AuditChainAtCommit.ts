import type { MigrationInterface, QueryRunner } from 'typeorm';

// The audit chain is linked at commit, inside PostgreSQL, instead of by the writer in the middle of
// its transaction. A writer stages its entries in audit_pending, each with the hash of its content;
// a deferred trigger, run as the transaction commits, takes the chain's head, appends each entry to
// audit_log with hash = sha256(previous hash || content hash) and moves the head. The head's lock is
// then held from the commit's start to its end only, never across a round trip to the application,
// so concurrent writers no longer queue behind each other's network and event-loop delays.
// audit_log stays append-only; entries written before keep their hash (scheme 1, the whole entry
// hashed with the previous hash inside it) and are verified as they were.

export class AuditChainAtCommit1764500000000 implements MigrationInterface {
  name = 'AuditChainAtCommit1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log ADD COLUMN hash_scheme smallint NOT NULL DEFAULT 1`);
    await db.query(
      `ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_hash_scheme CHECK (hash_scheme IN (1, 2))`,
    );

    await db.query(`
      CREATE TABLE audit_pending (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        request_id varchar(100) NULL,
        actor_id uuid NULL,
        actor_role varchar(16) NULL,
        action varchar(16) NOT NULL,
        resource_type varchar(40) NOT NULL,
        resource_id varchar(100) NOT NULL,
        commitment_id uuid NULL,
        before jsonb NULL,
        after jsonb NULL,
        content_hash char(64) NOT NULL,
        CONSTRAINT ck_audit_pending_content_hash CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        -- audit_log's own check, so that a bad entry is refused when staged rather than at commit
        CONSTRAINT ck_audit_pending_action CHECK (action IN ('CREATE','UPDATE','DELETE','REVOKE','DENIED'))
      )`);

    await db.query(`
      CREATE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous char(64);
        linked char(64);
        appended bigint;
      BEGIN
        SELECT last_hash INTO previous FROM audit_head WHERE id = 1 FOR UPDATE;
        linked := encode(sha256(convert_to(coalesce(previous, '') || NEW.content_hash, 'UTF8')), 'hex');
        INSERT INTO audit_log (occurred_at, request_id, actor_id, actor_role, action, resource_type, resource_id,
                               commitment_id, before, after, prev_hash, hash, hash_scheme)
        VALUES (NEW.occurred_at, NEW.request_id, NEW.actor_id, NEW.actor_role, NEW.action, NEW.resource_type,
                NEW.resource_id, NEW.commitment_id, NEW.before, NEW.after, previous, linked, 2)
        RETURNING id INTO appended;
        UPDATE audit_head SET last_id = appended, last_hash = linked WHERE id = 1;
        DELETE FROM audit_pending WHERE id = NEW.id;
        RETURN NULL;
      END
      $$`);
    // Deferred: fires as the transaction commits, once per staged entry, in the order they were staged.
    await db.query(`
      CREATE CONSTRAINT TRIGGER tr_audit_pending_chain AFTER INSERT ON audit_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_chain()`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Entries linked at commit cannot be verified without their scheme, and the log cannot be rewritten.
    const [linked]: { exists: boolean }[] = await db.query(
      'SELECT EXISTS (SELECT 1 FROM audit_log WHERE hash_scheme = 2) AS exists',
    );
    if (linked?.exists) {
      throw new Error(
        'AuditChainAtCommit cannot be reverted: the audit log holds entries linked at commit (hash_scheme 2), which the earlier schema could not verify.',
      );
    }
    await db.query(`DROP TRIGGER tr_audit_pending_chain ON audit_pending`);
    await db.query(`DROP FUNCTION audit_pending_chain()`);
    await db.query(`DROP TABLE audit_pending`);
    await db.query(`ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_hash_scheme`);
    await db.query(`ALTER TABLE audit_log DROP COLUMN hash_scheme`);
  }
}
