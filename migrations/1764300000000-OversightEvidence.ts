import type { MigrationInterface, QueryRunner } from 'typeorm';

// What civil society and the public bring (oversight evidence, with documents and a reply thread),
// moderation that hides but never deletes, and each commitment's agreement verdict for the filter.

const STANCE = `('CONFIRMS','CONTRADICTS','MIXED','CONTEXT')`;
const COMPLETION = `('NOT_STARTED','LIMITED','SUBSTANTIAL','COMPLETE','WITHDRAWN')`;
const IAP2 = `('NO_CONSULTATION','INFORM','CONSULT','INVOLVE','COLLABORATE','EMPOWER')`;
const EVIDENCE_TYPE = `('SHADOW_REPORT','SOCIAL_AUDIT','COMMUNITY_SCORECARD','CITIZEN_REPORT_CARD','PUBLIC_HEARING','SURVEY',
  'FOI_REQUEST','EXPENDITURE_TRACKING','PARTICIPATORY_AUDIT','MEDIA_REPORT','DATASET','FORUM_MINUTES','OTHER')`;

export class OversightEvidence1764300000000 implements MigrationInterface {
  name = 'OversightEvidence1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL,
        milestone_id uuid NULL,
        progress_update_id uuid NULL,
        type varchar(24) NOT NULL,
        title varchar(300) NOT NULL,
        summary text NOT NULL,
        organisation_id uuid NULL,
        organisation_name varchar(300) NULL,
        activity_date date NULL,
        links jsonb NOT NULL DEFAULT '[]',
        iap2_level varchar(16) NULL,
        stance varchar(12) NOT NULL,
        supported_completion varchar(16) NULL,
        visibility varchar(12) NOT NULL DEFAULT 'PUBLIC',
        submitted_by uuid NULL,
        submitted_role varchar(16) NOT NULL,
        hidden_at timestamptz NULL,
        hidden_by uuid NULL,
        hidden_reason text NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_evidence_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id),
        CONSTRAINT fk_evidence_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id),
        CONSTRAINT fk_evidence_progress_update FOREIGN KEY (progress_update_id) REFERENCES progress_update (id),
        CONSTRAINT fk_evidence_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT fk_evidence_submitted_by FOREIGN KEY (submitted_by) REFERENCES app_user (id),
        CONSTRAINT fk_evidence_hidden_by FOREIGN KEY (hidden_by) REFERENCES app_user (id),
        CONSTRAINT ck_evidence_type CHECK (type IN ${EVIDENCE_TYPE}),
        CONSTRAINT ck_evidence_stance CHECK (stance IN ${STANCE}),
        CONSTRAINT ck_evidence_supported_completion CHECK (supported_completion IN ${COMPLETION}),
        CONSTRAINT ck_evidence_iap2 CHECK (iap2_level IN ${IAP2}),
        CONSTRAINT ck_evidence_visibility CHECK (visibility IN ('PUBLIC','RESTRICTED')),
        CONSTRAINT ck_evidence_target CHECK (milestone_id IS NULL OR progress_update_id IS NULL),
        CONSTRAINT ck_evidence_organisation CHECK (organisation_id IS NOT NULL OR length(btrim(organisation_name)) > 0),
        CONSTRAINT ck_evidence_hidden CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
        CONSTRAINT ck_evidence_title CHECK (length(btrim(title)) > 0),
        CONSTRAINT ck_evidence_summary CHECK (length(btrim(summary)) > 0)
      )`);
    await db.query(`CREATE INDEX ix_evidence_commitment ON evidence (commitment_id, created_at, id)`);
    await db.query(`CREATE INDEX ix_evidence_organisation ON evidence (organisation_id, created_at, id)`);
    await db.query(
      `CREATE INDEX ix_evidence_stance ON evidence (stance, commitment_id) WHERE hidden_at IS NULL AND visibility = 'PUBLIC'`,
    );
    // Evidence is never deleted: moderation hides it.
    await db.query(`
      CREATE TRIGGER tr_evidence_kept BEFORE DELETE ON evidence
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await db.query(`
      CREATE TABLE evidence_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evidence_id uuid NOT NULL,
        reference varchar(120) NOT NULL,
        url varchar(2000) NULL,
        sha256 char(64) NULL,
        size_bytes bigint NULL,
        media_type varchar(120) NULL,
        content bytea NULL,
        uploaded_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_evidence_document_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id),
        CONSTRAINT uq_evidence_document_reference UNIQUE (evidence_id, reference),
        CONSTRAINT ck_evidence_document_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_evidence_document_size CHECK (size_bytes >= 0),
        CONSTRAINT ck_evidence_document_content CHECK ((content IS NULL) = (uploaded_at IS NULL))
      )`);
    // Uploaded bytes never change: a different file is a different reference.
    await db.query(`
      CREATE FUNCTION evidence_document_keep_bytes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.content IS NOT NULL OR (OLD.sha256 IS NOT NULL AND NEW.sha256 IS DISTINCT FROM OLD.sha256) THEN
          RAISE EXCEPTION 'documents of evidence cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER tr_evidence_document_kept BEFORE UPDATE OR DELETE ON evidence_document
      FOR EACH ROW EXECUTE FUNCTION evidence_document_keep_bytes()`);

    await db.query(`
      CREATE TABLE evidence_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evidence_id uuid NOT NULL,
        author_id uuid NULL,
        author_role varchar(16) NOT NULL,
        body text NOT NULL,
        hidden_at timestamptz NULL,
        hidden_by uuid NULL,
        hidden_reason text NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_evidence_reply_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id),
        CONSTRAINT fk_evidence_reply_author FOREIGN KEY (author_id) REFERENCES app_user (id),
        CONSTRAINT fk_evidence_reply_hidden_by FOREIGN KEY (hidden_by) REFERENCES app_user (id),
        CONSTRAINT ck_evidence_reply_body CHECK (length(btrim(body)) > 0),
        CONSTRAINT ck_evidence_reply_hidden CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
      )`);
    await db.query(`CREATE INDEX ix_evidence_reply_evidence ON evidence_reply (evidence_id, created_at, id)`);
    await db.query(`
      CREATE TRIGGER tr_evidence_reply_kept BEFORE DELETE ON evidence_reply
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await db.query(`ALTER TABLE commitment ADD COLUMN agreement varchar(12) NOT NULL DEFAULT 'UNVERIFIED'`);
    await db.query(
      `ALTER TABLE commitment ADD CONSTRAINT ck_commitment_agreement CHECK (agreement IN ('CONSISTENT','DIVERGENT','CONTESTED','UNVERIFIED'))`,
    );
    await db.query(`CREATE INDEX ix_commitment_agreement ON commitment (agreement, code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE commitment DROP COLUMN agreement`);
    await db.query(`DROP TABLE evidence_reply`);
    await db.query(`DROP TABLE evidence_document`);
    await db.query(`DROP FUNCTION evidence_document_keep_bytes()`);
    await db.query(`DROP TABLE evidence`);
  }
}
