import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import {
  AgreementResponse,
  CreateEvidenceDto,
  CreateReplyDto,
  DocumentResponse,
  EvidencePage,
  EvidenceResponse,
  HideDto,
  ListEvidenceQuery,
  ReplyResponse,
} from './dto/evidence.dto.js';
import { EvidenceService } from './evidence.service.js';

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('commitments/:commitment/evidence')
  @Public()
  @ApiOperation({
    summary:
      'Civic oversight evidence on the commitment, newest first: public, unhidden items (and your organisation’s restricted ones).',
  })
  @ApiOkResponse({ type: EvidencePage })
  @ApiProblems(400, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('commitment') commitment: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<Page<EvidenceResponse>> {
    return this.evidence.list(actor, commitment, query);
  }

  @Post('commitments/:commitment/evidence')
  @RequirePermission('evidence.write')
  @ApiOperation({
    summary:
      'Submit evidence (civil society, for their organisation; admins on behalf of a group): what was found and whether it confirms or contradicts the claim.',
  })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404)
  submit(
    @CurrentActor() actor: Actor,
    @Param('commitment') commitment: string,
    @Body() dto: CreateEvidenceDto,
  ): Promise<EvidenceResponse> {
    return this.evidence.submit(actor, commitment, dto);
  }

  @Get('commitments/:commitment/agreement')
  @Public()
  @ApiOperation({
    summary:
      'Self-reported completion, independent completion and civic evidence side by side, with a verdict (CONSISTENT, DIVERGENT, CONTESTED, UNVERIFIED) and why.',
  })
  @ApiOkResponse({ type: AgreementResponse })
  @ApiProblems(404)
  agreement(@Param('commitment') commitment: string): Promise<AgreementResponse> {
    return this.evidence.agreement(commitment);
  }

  @Get('evidence/:id')
  @Public()
  @ApiOperation({
    summary:
      'An evidence item with its documents and reply thread. 410 when moderators hid it, with their reason.',
  })
  @ApiOkResponse({ type: EvidenceResponse })
  @ApiProblems(404, 410)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EvidenceResponse> {
    return this.evidence.get(actor, id);
  }

  @Put('evidence/:id/documents/:reference')
  @RequirePermission('evidence.write')
  @ApiOperation({
    summary:
      'Upload a document of the evidence as the raw body. Its type is checked by content (PDF, PNG, JPEG, CSV or text, DOCX, XLSX, ODT, ODS) and its hash against the one declared; a reference never takes other bytes.',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiProblems(400, 401, 403, 404, 409, 410, 413, 415, 422)
  upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('reference') reference: string,
    @Body() body: unknown,
    @Headers('x-document-type') declaredType?: string,
  ): Promise<DocumentResponse> {
    if (!Buffer.isBuffer(body)) {
      throw new DomainError(
        'invalid',
        'document.not_binary',
        'Send the document itself as the body, with Content-Type: application/octet-stream.',
      );
    }
    return this.evidence.upload(actor, id, reference, body, declaredType);
  }

  @Get('evidence/:id/documents/:reference')
  @Public()
  @ApiOperation({ summary: 'Download an uploaded document; its SHA-256 is in the X-Content-SHA256 header.' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The document.', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(404, 410)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('reference') reference: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const document = await this.evidence.download(actor, id, reference);
    void reply.header('x-content-sha256', document.sha256).header('etag', `"${document.sha256}"`);
    return new StreamableFile(document.bytes, {
      type: document.mediaType,
      disposition: `attachment; filename="${reference}"`,
    });
  }

  @Post('evidence/:id/replies')
  @RequirePermission('evidence.reply')
  @ApiOperation({
    summary:
      "Right of reply: the government of the commitment's member replies; the organisation that submitted the evidence answers back.",
  })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404, 410)
  reply(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: CreateReplyDto,
  ): Promise<EvidenceResponse> {
    return this.evidence.reply(actor, id, dto);
  }

  @Post('evidence/:id/hide')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('evidence.moderate')
  @ApiOperation({
    summary: 'Moderation (admins): hide the evidence with a public reason. It is never deleted.',
  })
  @ApiOkResponse({ type: EvidenceResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  hide(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: HideDto,
  ): Promise<EvidenceResponse> {
    return this.evidence.hide(actor, id, dto);
  }

  @Post('evidence-replies/:id/hide')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('evidence.moderate')
  @ApiOperation({
    summary: 'Moderation (admins): hide a reply with a public reason; it stays in the thread as a marker.',
  })
  @ApiOkResponse({ type: ReplyResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  hideReply(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: HideDto,
  ): Promise<ReplyResponse> {
    return this.evidence.hideReply(actor, id, dto);
  }
}
