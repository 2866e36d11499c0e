import type { MigrationInterface, QueryRunner } from 'typeorm';

// Open data: what OGP's IRM data export carries that the register did not keep (the plan's IRM id, a
// commitment's short title, full text, dates as written, carried-forward flag and page), contact
// details taken out of imported public text (restricted, with no person's name), and import jobs.

export class OpenData1764400000000 implements MigrationInterface {
  name = 'OpenData1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE action_plan ADD COLUMN irm_id varchar(40) NULL`);
    await db.query(
      `CREATE UNIQUE INDEX uq_action_plan_irm_id ON action_plan (irm_id) WHERE irm_id IS NOT NULL`,
    );

    await db.query(`
      ALTER TABLE commitment
        ADD COLUMN short_title varchar(500) NULL,
        ADD COLUMN full_text text NULL,
        ADD COLUMN start_date_text varchar(100) NULL,
        ADD COLUMN end_date_text varchar(100) NULL,
        ADD COLUMN carried_forward boolean NULL,
        ADD COLUMN url varchar(2000) NULL`);
    // The full text is searched too (weight C, below the template's fields).
    await db.query(`DROP INDEX ix_commitment_search`);
    await db.query(`ALTER TABLE commitment DROP COLUMN search`);
    await db.query(`
      ALTER TABLE commitment ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(code, '') || ' ' || coalesce(title, '') || ' ' || coalesce(short_title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' ||
          coalesce(expected_results, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(full_text, '')), 'C')
      ) STORED`);
    await db.query(`CREATE INDEX ix_commitment_search ON commitment USING gin (search)`);

    await db.query(`ALTER TABLE commitment_contact ALTER COLUMN name DROP NOT NULL`);
    await db.query(`ALTER TABLE commitment_contact ADD COLUMN imported_details text NULL`);

    await db.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        status varchar(16) NOT NULL,
        dry_run boolean NOT NULL,
        file_sha256 char(64) NOT NULL,
        file_bytes integer NOT NULL,
        rows integer NULL,
        report jsonb NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz NULL,
        CONSTRAINT ck_import_job_kind CHECK (kind IN ('IRM')),
        CONSTRAINT ck_import_job_status CHECK (status IN ('RUNNING','SUCCEEDED','FAILED')),
        CONSTRAINT fk_import_job_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
      )`);
    await db.query(`CREATE INDEX ix_import_job_created ON import_job (created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE import_job`);
    await db.query(`ALTER TABLE commitment_contact DROP COLUMN imported_details`);
    await db.query(`DELETE FROM commitment_contact WHERE name IS NULL`);
    await db.query(`ALTER TABLE commitment_contact ALTER COLUMN name SET NOT NULL`);
    await db.query(`DROP INDEX ix_commitment_search`);
    await db.query(`ALTER TABLE commitment DROP COLUMN search`);
    await db.query(`
      ALTER TABLE commitment ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(code, '') || ' ' || coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' ||
          coalesce(expected_results, '')), 'B')
      ) STORED`);
    await db.query(`CREATE INDEX ix_commitment_search ON commitment USING gin (search)`);
    await db.query(`
      ALTER TABLE commitment DROP COLUMN short_title, DROP COLUMN full_text, DROP COLUMN start_date_text,
        DROP COLUMN end_date_text, DROP COLUMN carried_forward, DROP COLUMN url`);
    await db.query(`DROP INDEX uq_action_plan_irm_id`);
    await db.query(`ALTER TABLE action_plan DROP COLUMN irm_id`);
  }
}
