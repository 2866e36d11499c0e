import type { MigrationInterface, QueryRunner } from 'typeorm';

// The register: members, institutions, action plans and their forums, commitments with their values,
// tags, links and contact person, milestones; plus the audit log and idempotency keys.
// Enumerations are varchar + named CHECK so that a refused value maps to a clear message.
// Dates with a precision are stored as the first day of their period, and a CHECK keeps them aligned.

const PRECISION = `('DAY','MONTH','QUARTER','SEMESTER','YEAR')`;
const IAP2 = `('NO_CONSULTATION','INFORM','CONSULT','INVOLVE','COLLABORATE','EMPOWER')`;

/** A date column and its precision must agree: a QUARTER date is the first day of a quarter, etc. */
function aligned(date: string, precision: string): string {
  return `(${date} IS NULL OR CASE ${precision}
    WHEN 'DAY' THEN true
    WHEN 'MONTH' THEN extract(day FROM ${date}) = 1
    WHEN 'QUARTER' THEN extract(day FROM ${date}) = 1 AND extract(month FROM ${date}) IN (1, 4, 7, 10)
    WHEN 'SEMESTER' THEN extract(day FROM ${date}) = 1 AND extract(month FROM ${date}) IN (1, 7)
    WHEN 'YEAR' THEN extract(day FROM ${date}) = 1 AND extract(month FROM ${date}) = 1
    ELSE false END)`;
}

export class RegisterSchema1764000000000 implements MigrationInterface {
  name = 'RegisterSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(4) NOT NULL,
        name varchar(200) NOT NULL,
        type varchar(16) NOT NULL,
        region varchar(32) NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_member_code UNIQUE (code),
        CONSTRAINT ck_member_type CHECK (type IN ('NATIONAL','LOCAL')),
        CONSTRAINT ck_member_region CHECK (region IN ('EUROPE','ASIA_AND_THE_PACIFIC','AFRICA_AND_THE_MIDDLE_EAST','AMERICAS')),
        CONSTRAINT ck_member_code CHECK ((type = 'NATIONAL' AND code ~ '^[A-Z]{3}$') OR (type = 'LOCAL' AND code ~ '^[A-Z]{4}$')),
        CONSTRAINT ck_member_name CHECK (length(btrim(name)) > 0)
      )`);
    await db.query(`CREATE INDEX ix_member_region ON member (region, code)`);
    await db.query(`CREATE INDEX ix_member_type ON member (type, code)`);

    await db.query(`
      CREATE TABLE institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL,
        type varchar(32) NOT NULL,
        member_id uuid NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_institution_member FOREIGN KEY (member_id) REFERENCES member (id),
        CONSTRAINT ck_institution_type CHECK (type IN ('GOVERNMENT_AGENCY','PARLIAMENT','COURT',
          'CIVIL_SOCIETY_ORGANISATION','PRIVATE_SECTOR','ACADEMIA','MULTILATERAL','OTHER')),
        CONSTRAINT ck_institution_name CHECK (length(btrim(name)) > 0)
      )`);
    // One name per member (or among international bodies), whatever the case.
    await db.query(`CREATE UNIQUE INDEX uq_institution_name ON institution
      (COALESCE(member_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`);
    await db.query(`CREATE INDEX ix_institution_member ON institution (member_id, name, id)`);
    await db.query(`CREATE INDEX ix_institution_type ON institution (type, name, id)`);
    await db.query(`CREATE INDEX ix_institution_name ON institution (name, id)`);

    await db.query(`
      CREATE TABLE action_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL,
        sequence_number integer NOT NULL,
        title varchar(300) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'CO_CREATION',
        co_creation_level varchar(16) NULL,
        implementation_level varchar(16) NULL,
        participation_openness varchar(16) NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_action_plan_member FOREIGN KEY (member_id) REFERENCES member (id),
        CONSTRAINT uq_action_plan_sequence UNIQUE (member_id, sequence_number),
        -- target of the commitment's composite key, which keeps commitment.member_id truthful
        CONSTRAINT uq_action_plan_member UNIQUE (id, member_id),
        CONSTRAINT ck_action_plan_sequence CHECK (sequence_number > 0),
        CONSTRAINT ck_action_plan_dates CHECK (start_date < end_date),
        CONSTRAINT ck_action_plan_status CHECK (status IN ('CO_CREATION','SUBMITTED','IMPLEMENTING','MIDTERM_REVIEW','ENDED')),
        CONSTRAINT ck_action_plan_co_creation_level CHECK (co_creation_level IN ${IAP2}),
        CONSTRAINT ck_action_plan_implementation_level CHECK (implementation_level IN ${IAP2}),
        CONSTRAINT ck_action_plan_openness CHECK (participation_openness IN ('OPEN','INVITATION_ONLY')),
        CONSTRAINT ck_action_plan_title CHECK (length(btrim(title)) > 0)
      )`);
    await db.query(`CREATE INDEX ix_action_plan_status ON action_plan (status, start_date, id)`);
    await db.query(`CREATE INDEX ix_action_plan_listing ON action_plan (start_date, id)`);

    await db.query(`
      CREATE TABLE forum_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_plan_id uuid NOT NULL,
        held_on date NOT NULL,
        government_attendees integer NOT NULL,
        civil_society_attendees integer NOT NULL,
        minutes_url varchar(2000) NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_forum_meeting_plan FOREIGN KEY (action_plan_id) REFERENCES action_plan (id),
        CONSTRAINT ck_forum_meeting_attendance CHECK (government_attendees >= 0 AND civil_society_attendees >= 0)
      )`);
    await db.query(`CREATE INDEX ix_forum_meeting_plan ON forum_meeting (action_plan_id, held_on, id)`);

    await db.query(`
      CREATE TABLE policy_area_tag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(80) NOT NULL,
        label varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_policy_area_tag_slug UNIQUE (slug),
        CONSTRAINT ck_policy_area_tag_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT ck_policy_area_tag_label CHECK (length(btrim(label)) > 0)
      )`);

    await db.query(`
      CREATE TABLE commitment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(7) NOT NULL,
        action_plan_id uuid NOT NULL,
        member_id uuid NOT NULL,
        number varchar(20) NOT NULL,
        title varchar(500) NOT NULL,
        problem text NULL,
        causes text NULL,
        prior_actions text NULL,
        solution text NULL,
        expected_results text NULL,
        start_date date NULL,
        start_date_precision varchar(8) NOT NULL DEFAULT 'DAY',
        end_date date NULL,
        end_date_precision varchar(8) NOT NULL DEFAULT 'DAY',
        lead_institution_id uuid NULL,
        area varchar(40) NULL,
        participation_mechanism text NULL,
        participation_level varchar(16) NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(code, '') || ' ' || coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' ||
            coalesce(expected_results, '')), 'B')
        ) STORED,
        CONSTRAINT uq_commitment_code UNIQUE (code),
        CONSTRAINT uq_commitment_number UNIQUE (action_plan_id, number),
        CONSTRAINT fk_commitment_plan FOREIGN KEY (action_plan_id, member_id) REFERENCES action_plan (id, member_id),
        CONSTRAINT fk_commitment_lead_institution FOREIGN KEY (lead_institution_id) REFERENCES institution (id),
        CONSTRAINT ck_commitment_code CHECK (code ~ '^[A-Z]{2,3}[0-9]{4}$'),
        CONSTRAINT ck_commitment_number CHECK (length(btrim(number)) > 0),
        CONSTRAINT ck_commitment_title CHECK (length(btrim(title)) > 0),
        CONSTRAINT ck_commitment_start_precision CHECK (start_date_precision IN ${PRECISION}),
        CONSTRAINT ck_commitment_end_precision CHECK (end_date_precision IN ${PRECISION}),
        CONSTRAINT ck_commitment_start_aligned CHECK ${aligned('start_date', 'start_date_precision')},
        CONSTRAINT ck_commitment_end_aligned CHECK ${aligned('end_date', 'end_date_precision')},
        CONSTRAINT ck_commitment_dates CHECK (start_date <= end_date),
        CONSTRAINT ck_commitment_area CHECK (area IN ('DIGITAL_STRATEGY_AND_POLICY','SERVICE_CO_DESIGN',
          'TECHNOLOGY_REGULATION','FOUNDATIONAL_TECHNOLOGY_ALIGNMENT','OVERSIGHT_AUDIT_AND_REDRESS')),
        CONSTRAINT ck_commitment_participation_level CHECK (participation_level IN ${IAP2})
      )`);
    await db.query(`CREATE INDEX ix_commitment_member ON commitment (member_id, code)`);
    await db.query(`CREATE INDEX ix_commitment_plan ON commitment (action_plan_id, code)`);
    await db.query(`CREATE INDEX ix_commitment_area ON commitment (area, code)`);
    await db.query(`CREATE INDEX ix_commitment_lead_institution ON commitment (lead_institution_id)`);
    await db.query(`CREATE INDEX ix_commitment_search ON commitment USING gin (search)`);

    await db.query(`
      CREATE TABLE commitment_value (
        commitment_id uuid NOT NULL,
        value varchar(32) NOT NULL,
        justification text NOT NULL,
        CONSTRAINT pk_commitment_value PRIMARY KEY (commitment_id, value),
        CONSTRAINT fk_commitment_value_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id) ON DELETE CASCADE,
        CONSTRAINT ck_commitment_value CHECK (value IN ('ACCESS_TO_INFORMATION','CIVIC_PARTICIPATION',
          'PUBLIC_ACCOUNTABILITY','TECHNOLOGY_AND_INNOVATION')),
        CONSTRAINT ck_commitment_value_justification CHECK (length(btrim(justification)) > 0)
      )`);
    await db.query(`CREATE INDEX ix_commitment_value ON commitment_value (value, commitment_id)`);

    await db.query(`
      CREATE TABLE commitment_tag (
        commitment_id uuid NOT NULL,
        tag_id uuid NOT NULL,
        CONSTRAINT pk_commitment_tag PRIMARY KEY (commitment_id, tag_id),
        CONSTRAINT fk_commitment_tag_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id) ON DELETE CASCADE,
        CONSTRAINT fk_commitment_tag_tag FOREIGN KEY (tag_id) REFERENCES policy_area_tag (id)
      )`);
    await db.query(`CREATE INDEX ix_commitment_tag ON commitment_tag (tag_id, commitment_id)`);

    await db.query(`
      CREATE TABLE commitment_supporting_institution (
        commitment_id uuid NOT NULL,
        institution_id uuid NOT NULL,
        CONSTRAINT pk_commitment_supporting_institution PRIMARY KEY (commitment_id, institution_id),
        CONSTRAINT fk_commitment_supporting_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id) ON DELETE CASCADE,
        CONSTRAINT fk_commitment_supporting_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
      )`);
    await db.query(
      `CREATE INDEX ix_commitment_supporting_institution ON commitment_supporting_institution (institution_id)`,
    );

    await db.query(`
      CREATE TABLE commitment_link (
        from_commitment_id uuid NOT NULL,
        to_commitment_id uuid NOT NULL,
        type varchar(16) NOT NULL,
        CONSTRAINT pk_commitment_link PRIMARY KEY (from_commitment_id, type, to_commitment_id),
        CONSTRAINT fk_commitment_link_from FOREIGN KEY (from_commitment_id) REFERENCES commitment (id) ON DELETE CASCADE,
        CONSTRAINT fk_commitment_link_to FOREIGN KEY (to_commitment_id) REFERENCES commitment (id) ON DELETE CASCADE,
        CONSTRAINT ck_commitment_link_type CHECK (type IN ('IMPLEMENTS','MONITORS','CO_DESIGNS','CONTINUES')),
        CONSTRAINT ck_commitment_link_not_self CHECK (from_commitment_id <> to_commitment_id)
      )`);
    await db.query(`CREATE INDEX ix_commitment_link_to ON commitment_link (to_commitment_id, type)`);

    // Personal data, kept apart from the public record.
    await db.query(`
      CREATE TABLE commitment_contact (
        commitment_id uuid PRIMARY KEY,
        name varchar(200) NOT NULL,
        title varchar(200) NULL,
        email varchar(320) NULL,
        phone varchar(50) NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_commitment_contact_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id) ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL,
        ordinal integer NOT NULL,
        title varchar(500) NOT NULL,
        deliverable text NOT NULL,
        target_indicator varchar(300) NULL,
        target_value numeric NULL,
        target_unit varchar(50) NULL,
        start_date date NULL,
        start_date_precision varchar(8) NOT NULL DEFAULT 'DAY',
        due_date date NOT NULL,
        due_date_precision varchar(8) NOT NULL DEFAULT 'DAY',
        responsible_institution_id uuid NULL,
        weight numeric(6,2) NOT NULL DEFAULT 1,
        status varchar(16) NOT NULL DEFAULT 'NOT_STARTED',
        completed_on date NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_milestone_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id),
        CONSTRAINT fk_milestone_responsible_institution FOREIGN KEY (responsible_institution_id) REFERENCES institution (id),
        CONSTRAINT uq_milestone_ordinal UNIQUE (commitment_id, ordinal) DEFERRABLE INITIALLY IMMEDIATE,
        CONSTRAINT ck_milestone_ordinal CHECK (ordinal > 0),
        CONSTRAINT ck_milestone_title CHECK (length(btrim(title)) > 0),
        CONSTRAINT ck_milestone_deliverable CHECK (length(btrim(deliverable)) > 0),
        CONSTRAINT ck_milestone_target CHECK ((target_indicator IS NULL) = (target_value IS NULL)),
        CONSTRAINT ck_milestone_start_precision CHECK (start_date_precision IN ${PRECISION}),
        CONSTRAINT ck_milestone_due_precision CHECK (due_date_precision IN ${PRECISION}),
        CONSTRAINT ck_milestone_start_aligned CHECK ${aligned('start_date', 'start_date_precision')},
        CONSTRAINT ck_milestone_due_aligned CHECK ${aligned('due_date', 'due_date_precision')},
        CONSTRAINT ck_milestone_dates CHECK (start_date <= due_date),
        CONSTRAINT ck_milestone_weight CHECK (weight > 0),
        CONSTRAINT ck_milestone_status CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETE','WITHDRAWN')),
        CONSTRAINT ck_milestone_completed_on CHECK ((status = 'COMPLETE') = (completed_on IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_milestone_status_due ON milestone (status, due_date)`);
    await db.query(
      `CREATE INDEX ix_milestone_responsible_institution ON milestone (responsible_institution_id)`,
    );

    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        request_id varchar(100) NULL,
        actor varchar(200) NULL,
        action varchar(16) NOT NULL,
        resource_type varchar(40) NOT NULL,
        resource_id varchar(100) NOT NULL,
        before jsonb NULL,
        after jsonb NULL,
        CONSTRAINT ck_audit_log_action CHECK (action IN ('CREATE','UPDATE','DELETE'))
      )`);
    await db.query(`CREATE INDEX ix_audit_log_resource ON audit_log (resource_type, resource_id, id)`);

    await db.query(`
      CREATE TABLE idempotency_key (
        scope varchar(300) NOT NULL,
        key varchar(200) NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer NULL,
        response_headers jsonb NULL,
        response_body text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz NULL,
        CONSTRAINT pk_idempotency_key PRIMARY KEY (scope, key)
      )`);
    await db.query(`CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_key',
      'audit_log',
      'milestone',
      'commitment_contact',
      'commitment_link',
      'commitment_supporting_institution',
      'commitment_tag',
      'commitment_value',
      'commitment',
      'policy_area_tag',
      'forum_meeting',
      'action_plan',
      'institution',
      'member',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
