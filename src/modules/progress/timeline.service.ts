import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Page, pageSize } from '../../common/pagination/pagination.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import type { TimelineEntry, TimelineQuery } from './dto/progress.dto.js';
import { selectTimeline } from './timeline.queries.js';

@Injectable()
export class TimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
  ) {}

  async of(commitmentKey: string, query: TimelineQuery): Promise<Page<TimelineEntry>> {
    const commitment = await this.commitments.find(this.dataSource.manager, commitmentKey);
    return selectTimeline(this.dataSource.manager, commitment.id, {
      limit: pageSize(query),
      cursor: query.cursor,
    });
  }
}
