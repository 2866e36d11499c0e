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
import { Member } from '../members/member.entity.js';
import type { ActionPlanStatus, Iap2Level, ParticipationOpenness } from './action-plan.rules.js';

@Entity({ name: 'action_plan' })
export class ActionPlan {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member)
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ name: 'sequence_number', type: 'int' })
  sequenceNumber: number;

  @Column('varchar')
  title: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column('varchar')
  status: ActionPlanStatus;

  @Column({ name: 'co_creation_level', type: 'varchar', nullable: true })
  coCreationLevel: Iap2Level | null;

  @Column({ name: 'implementation_level', type: 'varchar', nullable: true })
  implementationLevel: Iap2Level | null;

  @Column({ name: 'participation_openness', type: 'varchar', nullable: true })
  participationOpenness: ParticipationOpenness | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'forum_meeting' })
export class ForumMeeting {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'action_plan_id', type: 'uuid' })
  actionPlanId: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ name: 'government_attendees', type: 'int' })
  governmentAttendees: number;

  @Column({ name: 'civil_society_attendees', type: 'int' })
  civilSocietyAttendees: number;

  @Column({ name: 'minutes_url', type: 'varchar', nullable: true })
  minutesUrl: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
