import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { BooleanQuery } from '../../../common/validation/decorators.js';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'Check the whole file and report, writing nothing.', default: false })
  @IsOptional()
  @BooleanQuery()
  dryRun?: boolean;
}

export class ListImportJobsQuery extends PageQuery {}

export class ImportProblemResponse {
  @ApiProperty({ description: 'Line of the CSV file (1 is the header; 0 for the file as a whole).' })
  line: number;
  @ApiProperty({ description: 'The column, as the header names it.' }) column: string;
  @ApiProperty() value: string;
  @ApiProperty() reason: string;
}

class ImportCountsResponse {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}

class AssessmentCountsResponse {
  @ApiProperty() created: number;
  @ApiProperty() superseded: number;
  @ApiProperty() unchanged: number;
}

class TagColumnResponse {
  @ApiProperty() column: string;
  @ApiProperty() slug: string;
}

class StarDisagreementResponse {
  @ApiProperty() line: number;
  @ApiProperty() code: string;
  @ApiProperty() product: string;
  @ApiProperty({ description: "OGP's starred flag." }) ogp: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Starred by our rule (current formula).' })
  ours: boolean | null;
  @ApiProperty() reason: string;
}

export class IrmImportReportResponse {
  @ApiPropertyOptional() dryRun?: boolean;
  @ApiPropertyOptional({ description: 'Whether anything was written.' }) applied?: boolean;
  @ApiPropertyOptional() rows?: number;
  @ApiPropertyOptional({ type: ImportCountsResponse }) members?: ImportCountsResponse;
  @ApiPropertyOptional({ type: ImportCountsResponse }) actionPlans?: ImportCountsResponse;
  @ApiPropertyOptional({ type: ImportCountsResponse }) institutions?: ImportCountsResponse;
  @ApiPropertyOptional({ type: ImportCountsResponse }) tags?: ImportCountsResponse;
  @ApiPropertyOptional({ type: ImportCountsResponse }) commitments?: ImportCountsResponse;
  @ApiPropertyOptional({ type: AssessmentCountsResponse }) assessments?: AssessmentCountsResponse;
  @ApiPropertyOptional({ type: [TagColumnResponse], description: 'Columns read as policy-area tags.' })
  tagColumns?: TagColumnResponse[];
  @ApiPropertyOptional({ type: [String] }) ignoredColumns?: string[];
  @ApiProperty({ type: [ImportProblemResponse], description: 'Any error: nothing was written.' })
  errors: ImportProblemResponse[];
  @ApiPropertyOptional({
    type: [ImportProblemResponse],
    description: 'Kept but worth a look: dates kept as text, contact details moved out of the text.',
  })
  warnings?: ImportProblemResponse[];
  @ApiPropertyOptional({
    type: [StarDisagreementResponse],
    description: "Rows where OGP's starred flag and our computation differ.",
  })
  starDisagreements?: StarDisagreementResponse[];
}

export class ImportJobResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['IRM'] }) kind: 'IRM';
  @ApiProperty({ enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] }) status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  @ApiProperty() dryRun: boolean;
  @ApiProperty() fileSha256: string;
  @ApiProperty() fileBytes: number;
  @ApiProperty({ type: Number, nullable: true }) rows: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: IrmImportReportResponse, nullable: true, description: 'Once the job has finished.' })
  report: IrmImportReportResponse | null;
}

export class ImportJobPage extends PageMeta {
  @ApiProperty({ type: [ImportJobResponse] }) items: ImportJobResponse[];
}
