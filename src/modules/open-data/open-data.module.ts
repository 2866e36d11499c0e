import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CommitmentsModule } from '../commitments/commitments.module.js';
import { MembersModule } from '../members/members.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { BulkProgressController } from './bulk-progress.controller.js';
import { BulkProgressService } from './bulk-progress.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportsController } from './imports.controller.js';
import { IrmImportService } from './irm-import.service.js';

/** Open data in and out: the import of OGP's IRM data, exports, bulk progress updates. */
@Module({
  imports: [CommitmentsModule, AssessmentsModule, AuditModule, MembersModule, ProgressModule],
  controllers: [ImportsController, ExportsController, BulkProgressController],
  providers: [IrmImportService, ImportJobsService, ExportsService, BulkProgressService],
  exports: [IrmImportService, ImportJobsService],
})
export class OpenDataModule {}
