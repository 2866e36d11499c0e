import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { DatePrecision } from '../../common/dates/partial-date.rules.js';
import { Commitment } from '../commitments/commitment.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import type { MilestoneStatus } from './milestone.rules.js';

@Entity({ name: 'milestone' })
export class Milestone {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;

  @ManyToOne(() => Commitment)
  @JoinColumn({ name: 'commitment_id' })
  commitment?: Commitment;

  @Column('int') ordinal: number;
  @Column('varchar') title: string;
  @Column('text') deliverable: string;
  @Column({ name: 'target_indicator', type: 'varchar', nullable: true }) targetIndicator: string | null;
  @Column({ name: 'target_value', type: 'numeric', nullable: true }) targetValue: string | null;
  @Column({ name: 'target_unit', type: 'varchar', nullable: true }) targetUnit: string | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate: string | null;
  @Column({ name: 'start_date_precision', type: 'varchar' }) startDatePrecision: DatePrecision;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column({ name: 'due_date_precision', type: 'varchar' }) dueDatePrecision: DatePrecision;
  @Column({ name: 'responsible_institution_id', type: 'uuid', nullable: true }) responsibleInstitutionId:
    string | null;

  @ManyToOne(() => Institution, { nullable: true })
  @JoinColumn({ name: 'responsible_institution_id' })
  responsibleInstitution?: Institution | null;

  @Column({ type: 'numeric' }) weight: string;
  @Column('varchar') status: MilestoneStatus;
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
