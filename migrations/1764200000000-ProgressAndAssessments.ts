import type { MigrationInterface, QueryRunner } from 'typeorm';

// What governments report (append-only progress updates) and what the independent reviewer says
// (IRM assessments), with the commitment's summary of both kept in indexed columns for the filters.

const REPORTED_COMPLETION = `('NOT_STARTED','LIMITED','SUBSTANTIAL','COMPLETE','WITHDRAWN')`;
const MILESTONE_STATUS = `('NOT_STARTED','IN_PROGRESS','COMPLETE','WITHDRAWN')`;
const COMPLETION = `('NOT_STARTED','LIMITED','SUBSTANTIAL','COMPLETE','WITHDRAWN','NO_EVIDENCE_AVAILABLE')`;
const POTENTIAL_IMPACT = `('NONE','MINOR','MODERATE','TRANSFORMATIVE')`;
const POTENTIAL_FOR_RESULTS = `('UNCLEAR','MODEST','SUBSTANTIAL')`;
const EARLY_RESULTS = `('NO_NOTABLE_RESULTS','MODERATE','SIGNIFICANT','OUTSTANDING')`;
const DIOG = `('WORSENED','DID_NOT_CHANGE','MARGINAL','MAJOR','OUTSTANDING')`;

export class ProgressAndAssessments1764200000000 implements MigrationInterface {
  name = 'ProgressAndAssessments1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // The last day a milestone may be completed on time: "due 2026" is due by 2026-12-31.
    await db.query(`
      ALTER TABLE milestone ADD COLUMN due_by date GENERATED ALWAYS AS (
        CASE due_date_precision
          WHEN 'MONTH' THEN (due_date + interval '1 month' - interval '1 day')::date
          WHEN 'QUARTER' THEN (due_date + interval '3 months' - interval '1 day')::date
          WHEN 'SEMESTER' THEN (due_date + interval '6 months' - interval '1 day')::date
          WHEN 'YEAR' THEN (due_date + interval '1 year' - interval '1 day')::date
          ELSE due_date
        END) STORED`);
    // Open milestones by due date: the overdue filter.
    await db.query(
      `CREATE INDEX ix_milestone_open_due ON milestone (due_by, commitment_id) WHERE status IN ('NOT_STARTED','IN_PROGRESS')`,
    );
    await db.query(`CREATE INDEX ix_milestone_commitment ON milestone (commitment_id, ordinal)`);

    await db.query(`
      CREATE TABLE progress_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL,
        milestone_id uuid NULL,
        author_id uuid NULL,
        author_role varchar(16) NOT NULL,
        reported_completion varchar(16) NULL,
        milestone_status varchar(16) NULL,
        percent_complete smallint NULL,
        narrative text NOT NULL,
        links jsonb NOT NULL DEFAULT '[]',
        period_start date NULL,
        period_end date NULL,
        corrects_id uuid NULL,
        -- milliseconds, so that a list's cursor (an ISO timestamp) names a row exactly
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT fk_progress_update_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id),
        CONSTRAINT fk_progress_update_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id),
        CONSTRAINT fk_progress_update_author FOREIGN KEY (author_id) REFERENCES app_user (id),
        CONSTRAINT fk_progress_update_corrects FOREIGN KEY (corrects_id) REFERENCES progress_update (id),
        -- an update is corrected at most once: corrections form a line, never a fork
        CONSTRAINT uq_progress_update_corrects UNIQUE (corrects_id),
        CONSTRAINT ck_progress_update_target CHECK (
          (milestone_id IS NULL AND reported_completion IS NOT NULL AND milestone_status IS NULL) OR
          (milestone_id IS NOT NULL AND milestone_status IS NOT NULL AND reported_completion IS NULL)),
        CONSTRAINT ck_progress_update_completion CHECK (reported_completion IN ${REPORTED_COMPLETION}),
        CONSTRAINT ck_progress_update_milestone_status CHECK (milestone_status IN ${MILESTONE_STATUS}),
        CONSTRAINT ck_progress_update_percent CHECK (percent_complete BETWEEN 0 AND 100),
        CONSTRAINT ck_progress_update_narrative CHECK (length(btrim(narrative)) > 0),
        CONSTRAINT ck_progress_update_period CHECK (period_start <= period_end),
        CONSTRAINT ck_progress_update_not_self CHECK (corrects_id <> id)
      )`);
    await db.query(
      `CREATE INDEX ix_progress_update_commitment ON progress_update (commitment_id, created_at, id)`,
    );
    await db.query(
      `CREATE INDEX ix_progress_update_milestone ON progress_update (milestone_id) WHERE milestone_id IS NOT NULL`,
    );
    await db.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only: they cannot be changed or deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER tr_progress_update_append_only BEFORE UPDATE OR DELETE ON progress_update
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await db.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL,
        framework varchar(16) NOT NULL,
        product varchar(24) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'DRAFT',
        supersedes_id uuid NULL,
        assessor_id uuid NULL,
        published_at timestamptz NULL,
        summary text NULL,
        specificity varchar(8) NULL,
        relevance_access_to_information boolean NULL,
        relevance_civic_participation boolean NULL,
        relevance_public_accountability boolean NULL,
        relevance_technology boolean NULL,
        potential_impact varchar(16) NULL,
        completion varchar(24) NULL,
        on_time boolean NULL,
        did_it_open_government varchar(16) NULL,
        did_it_open_government_access_to_information varchar(16) NULL,
        did_it_open_government_civic_participation varchar(16) NULL,
        did_it_open_government_public_accountability varchar(16) NULL,
        verifiable boolean NULL,
        open_government_lens boolean NULL,
        potential_for_results varchar(16) NULL,
        promising boolean NULL,
        early_results varchar(24) NULL,
        null_reasons jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_assessment_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id),
        CONSTRAINT fk_assessment_supersedes FOREIGN KEY (supersedes_id) REFERENCES assessment (id),
        CONSTRAINT fk_assessment_assessor FOREIGN KEY (assessor_id) REFERENCES app_user (id),
        CONSTRAINT uq_assessment_supersedes UNIQUE (supersedes_id),
        CONSTRAINT ck_assessment_framework CHECK (framework IN ('IRM_LEGACY','IRM_2021')),
        CONSTRAINT ck_assessment_product CHECK (
          (framework = 'IRM_LEGACY' AND product IN ('PROGRESS_REPORT','END_OF_TERM_REPORT')) OR
          (framework = 'IRM_2021' AND product IN ('ACTION_PLAN_REVIEW','MIDTERM_REVIEW','RESULTS_REPORT'))),
        CONSTRAINT ck_assessment_status CHECK (status IN ('DRAFT','PUBLISHED','SUPERSEDED')),
        CONSTRAINT ck_assessment_published_at CHECK ((status = 'DRAFT') = (published_at IS NULL)),
        CONSTRAINT ck_assessment_specificity CHECK (specificity IN ('NONE','LOW','MEDIUM','HIGH')),
        CONSTRAINT ck_assessment_potential_impact CHECK (potential_impact IN ${POTENTIAL_IMPACT}),
        CONSTRAINT ck_assessment_completion CHECK (completion IN ${COMPLETION}),
        CONSTRAINT ck_assessment_diog CHECK (did_it_open_government IN ${DIOG}
          AND did_it_open_government_access_to_information IN ${DIOG}
          AND did_it_open_government_civic_participation IN ${DIOG}
          AND did_it_open_government_public_accountability IN ${DIOG}),
        CONSTRAINT ck_assessment_potential_for_results CHECK (potential_for_results IN ${POTENTIAL_FOR_RESULTS}),
        CONSTRAINT ck_assessment_early_results CHECK (early_results IN ${EARLY_RESULTS})
      )`);
    // One published assessment per commitment and report at a time.
    await db.query(
      `CREATE UNIQUE INDEX uq_assessment_published ON assessment (commitment_id, framework, product) WHERE status = 'PUBLISHED'`,
    );
    await db.query(`CREATE INDEX ix_assessment_commitment ON assessment (commitment_id, created_at, id)`);
    // A published assessment is immutable: the one change it may see is being superseded.
    await db.query(`
      CREATE TRIGGER tr_assessment_published_immutable BEFORE UPDATE ON assessment
      FOR EACH ROW WHEN (OLD.status <> 'DRAFT' AND NOT (OLD.status = 'PUBLISHED' AND NEW.status = 'SUPERSEDED'))
      EXECUTE FUNCTION refuse_change()`);
    await db.query(`
      CREATE TRIGGER tr_assessment_published_kept BEFORE DELETE ON assessment
      FOR EACH ROW WHEN (OLD.status <> 'DRAFT')
      EXECUTE FUNCTION refuse_change()`);

    // The commitment's summary of what it has been told: kept by the service in the same
    // transaction as the update or assessment it comes from, and indexed for the list's filters.
    await db.query(`ALTER TABLE commitment ADD COLUMN self_reported_completion varchar(16) NULL`);
    await db.query(`ALTER TABLE commitment ADD COLUMN irm_completion varchar(24) NULL`);
    await db.query(`ALTER TABLE commitment ADD COLUMN irm_potential_impact varchar(16) NULL`);
    await db.query(`ALTER TABLE commitment ADD COLUMN irm_potential_for_results varchar(16) NULL`);
    await db.query(`ALTER TABLE commitment ADD COLUMN irm_early_results varchar(24) NULL`);
    await db.query(`ALTER TABLE commitment ADD COLUMN irm_did_it_open_government varchar(16) NULL`);
    await db.query(`ALTER TABLE commitment ADD COLUMN irm_starred boolean NULL`);
    for (const column of [
      'self_reported_completion',
      'irm_completion',
      'irm_potential_impact',
      'irm_potential_for_results',
      'irm_early_results',
      'irm_did_it_open_government',
      'irm_starred',
    ]) {
      await db.query(
        `CREATE INDEX ix_commitment_${column} ON commitment (${column}, code) WHERE ${column} IS NOT NULL`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const column of [
      'irm_starred',
      'irm_did_it_open_government',
      'irm_early_results',
      'irm_potential_for_results',
      'irm_potential_impact',
      'irm_completion',
      'self_reported_completion',
    ]) {
      await db.query(`ALTER TABLE commitment DROP COLUMN ${column}`);
    }
    await db.query(`DROP TABLE assessment`);
    await db.query(`DROP TABLE progress_update`);
    await db.query(`DROP FUNCTION refuse_change()`);
    await db.query(`DROP INDEX ix_milestone_commitment`);
    await db.query(`DROP INDEX ix_milestone_open_due`);
    await db.query(`ALTER TABLE milestone DROP COLUMN due_by`);
  }
}
