import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '../../common/auth/actor.js';

export const ORGANISATION_TYPES = ['GOVERNMENT', 'CIVIL_SOCIETY', 'ASSESSOR'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryColumn('uuid') id: string;
  @Column('varchar') name: string;
  @Column('varchar') type: OrganisationType;
  @Column({ name: 'member_id', type: 'uuid', nullable: true }) memberId: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'app_user' })
export class AppUser {
  @PrimaryColumn('uuid') id: string;
  @Column('varchar') name: string;
  @Column('varchar') email: string;
  @Column('varchar') role: Role;
  @Column({ name: 'member_id', type: 'uuid', nullable: true }) memberId: string | null;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Column('boolean') active: boolean;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'assessor_assignment' })
export class AssessorAssignment {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'api_token' })
export class ApiToken {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column('varchar') name: string;
  @Column('varchar') prefix: string;
  @Column({ name: 'token_hash', type: 'char' }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
}

export const ACCESS_ENTITIES = [Organisation, AppUser, AssessorAssignment, ApiToken];
