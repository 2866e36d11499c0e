import { Module } from '@nestjs/common';
import { ActionPlansModule } from '../action-plans/action-plans.module.js';
import { CommitmentsModule } from '../commitments/commitments.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { LensController } from './lens.controller.js';
import { LensService } from './lens.service.js';

/** Views across commitments: SMART checks of drafts, plan dashboards, comparison of members. */
@Module({
  imports: [ActionPlansModule, CommitmentsModule, InstitutionsModule],
  controllers: [LensController],
  providers: [LensService],
})
export class LensModule {}
