import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CommitmentsModule } from '../commitments/commitments.module.js';
import { MilestonesModule } from '../milestones/milestones.module.js';
import { ProgressUpdate } from './progress-update.entity.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';
import { TimelineService } from './timeline.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProgressUpdate]), CommitmentsModule, MilestonesModule, AuditModule],
  controllers: [ProgressController],
  providers: [ProgressService, TimelineService],
  exports: [ProgressService],
})
export class ProgressModule {}
