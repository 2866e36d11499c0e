import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionPlansModule } from '../action-plans/action-plans.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { TagsModule } from '../tags/tags.module.js';
import { COMMITMENT_ENTITIES } from './commitment.entity.js';
import { CommitmentsController } from './commitments.controller.js';
import { CommitmentsService } from './commitments.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(COMMITMENT_ENTITIES),
    ActionPlansModule,
    InstitutionsModule,
    TagsModule,
    AuditModule,
  ],
  controllers: [CommitmentsController],
  providers: [CommitmentsService],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
