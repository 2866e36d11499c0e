import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DatePrecision } from '../../common/dates/partial-date.rules.js';
import type { Iap2Level } from '../action-plans/action-plan.rules.js';
import type { DigitalGovernanceArea, LinkType, OgpValue } from './commitment.rules.js';

@Entity({ name: 'commitment' })
export class Commitment {
  @PrimaryColumn('uuid') id: string;
  @Column('varchar') code: string;
  @Column({ name: 'action_plan_id', type: 'uuid' }) actionPlanId: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId: string;
  @Column('varchar') number: string;
  @Column('varchar') title: string;
  @Column({ type: 'text', nullable: true }) problem: string | null;
  @Column({ type: 'text', nullable: true }) causes: string | null;
  @Column({ name: 'prior_actions', type: 'text', nullable: true }) priorActions: string | null;
  @Column({ type: 'text', nullable: true }) solution: string | null;
  @Column({ name: 'expected_results', type: 'text', nullable: true }) expectedResults: string | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate: string | null;
  @Column({ name: 'start_date_precision', type: 'varchar' }) startDatePrecision: DatePrecision;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ name: 'end_date_precision', type: 'varchar' }) endDatePrecision: DatePrecision;
  @Column({ name: 'lead_institution_id', type: 'uuid', nullable: true }) leadInstitutionId: string | null;
  @Column({ type: 'varchar', nullable: true }) area: DigitalGovernanceArea | null;
  @Column({ name: 'participation_mechanism', type: 'text', nullable: true }) participationMechanism:
    string | null;
  @Column({ name: 'participation_level', type: 'varchar', nullable: true })
  participationLevel: Iap2Level | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'commitment_value' })
export class CommitmentValue {
  @PrimaryColumn({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @PrimaryColumn('varchar') value: OgpValue;
  @Column('text') justification: string;
}

@Entity({ name: 'commitment_tag' })
export class CommitmentTag {
  @PrimaryColumn({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @PrimaryColumn({ name: 'tag_id', type: 'uuid' }) tagId: string;
}

@Entity({ name: 'commitment_supporting_institution' })
export class CommitmentSupportingInstitution {
  @PrimaryColumn({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' }) institutionId: string;
}

@Entity({ name: 'commitment_link' })
export class CommitmentLink {
  @PrimaryColumn({ name: 'from_commitment_id', type: 'uuid' }) fromCommitmentId: string;
  @PrimaryColumn('varchar') type: LinkType;
  @PrimaryColumn({ name: 'to_commitment_id', type: 'uuid' }) toCommitmentId: string;
}

/** Personal data: kept apart from the public record and never returned to anonymous callers. */
@Entity({ name: 'commitment_contact' })
export class CommitmentContact {
  @PrimaryColumn({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @Column({ type: 'varchar', nullable: true }) name: string | null;
  @Column({ type: 'varchar', nullable: true }) title: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ name: 'imported_details', type: 'text', nullable: true }) importedDetails: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const COMMITMENT_ENTITIES = [
  Commitment,
  CommitmentValue,
  CommitmentTag,
  CommitmentSupportingInstitution,
  CommitmentLink,
  CommitmentContact,
];
