import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, RequirePermission } from '../../common/auth/route-access.js';
import { type ExpectedVersion, IfMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import {
  CreatedTokenResponse,
  CreateOrganisationDto,
  CreateTokenDto,
  CreateUserDto,
  ListOrganisationsQuery,
  ListTokensQuery,
  ListUsersQuery,
  OrganisationPage,
  OrganisationResponse,
  TokenPage,
  TokenResponse,
  UpdateOrganisationDto,
  UpdateUserDto,
  UserPage,
  UserResponse,
} from './dto/access.dto.js';
import { IdentitiesService } from './identities.service.js';
import { TokensService } from './tokens.service.js';

@ApiTags('access')
@ApiBearerAuth()
@Controller()
export class AccessController {
  constructor(
    private readonly identities: IdentitiesService,
    private readonly tokens: TokensService,
  ) {}

  @Get('organisations')
  @RequirePermission('access.manage')
  @ApiOperation({
    summary: 'Organisations: government bodies, civil-society organisations, assessors (admin).',
  })
  @ApiOkResponse({ type: OrganisationPage })
  @ApiProblems(400, 401, 403)
  listOrganisations(@Query() query: ListOrganisationsQuery): Promise<Page<OrganisationResponse>> {
    return this.identities.listOrganisations(query);
  }

  @Post('organisations')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: 'Register an organisation (admin).' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404)
  createOrganisation(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.identities.createOrganisation(actor, dto);
  }

  @Get('organisations/:id')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: 'An organisation (admin).' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiProblems(401, 403, 404)
  getOrganisation(@Param('id') id: string): Promise<OrganisationResponse> {
    return this.identities.getOrganisation(id);
  }

  @Patch('organisations/:id')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: 'Rename an organisation (admin).' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiConditionalUpdate()
  @ApiProblems(401, 403)
  updateOrganisation(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.identities.updateOrganisation(actor, id, expected, dto);
  }

  @Get('users')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: 'Users, with their role and what it is bound to (admin).' })
  @ApiOkResponse({ type: UserPage })
  @ApiProblems(400, 401, 403)
  listUsers(@Query() query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.identities.listUsers(query);
  }

  @Post('users')
  @RequirePermission('access.manage')
  @ApiOperation({
    summary:
      'Create a user: a government_poc of one member, a civil_society user of an organisation, an assessor assigned to members, or an admin.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404)
  createUser(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.identities.createUser(actor, dto);
  }

  @Get('users/:id')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: 'A user (admin).' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(401, 403, 404)
  getUser(@Param('id') id: string): Promise<UserResponse> {
    return this.identities.getUser(id);
  }

  @Patch('users/:id')
  @RequirePermission('access.manage')
  @ApiOperation({
    summary:
      "Change a user's name or e-mail, deactivate them, or change an assessor's assignments (admin). The role is fixed.",
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiConditionalUpdate()
  @ApiProblems(401, 403)
  updateUser(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.identities.updateUser(actor, id, expected, dto);
  }

  @Get('users/:id/tokens')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: "A user's API tokens, without the tokens themselves (admin)." })
  @ApiOkResponse({ type: TokenPage })
  @ApiProblems(400, 401, 403, 404)
  listTokensOfUser(@Param('id') id: string, @Query() query: ListTokensQuery): Promise<Page<TokenResponse>> {
    return this.tokens.listOfUser(id, query);
  }

  @Post('users/:id/tokens')
  @RequirePermission('access.manage')
  @ApiOperation({ summary: 'Issue an API token to a user (admin). The token is in this answer only.' })
  @ApiCreatedResponse({ type: CreatedTokenResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404)
  issueToken(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: CreateTokenDto,
  ): Promise<CreatedTokenResponse> {
    return this.tokens.issue(actor, id, dto);
  }

  @Get('me')
  @RequirePermission('token.own')
  @ApiOperation({ summary: 'Who the token belongs to.' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(401)
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.identities.getUser(actor.kind === 'user' ? actor.userId : '');
  }

  @Get('me/tokens')
  @RequirePermission('token.own')
  @ApiOperation({ summary: 'Your API tokens, without the tokens themselves.' })
  @ApiOkResponse({ type: TokenPage })
  @ApiProblems(400, 401)
  myTokens(@CurrentActor() actor: Actor, @Query() query: ListTokensQuery): Promise<Page<TokenResponse>> {
    return this.tokens.listOwn(actor, query);
  }

  @Post('tokens/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('token.own')
  @ApiOperation({ summary: 'Revoke a token: one of your own, or any (admin). It stops working at once.' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 404, 422)
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TokenResponse> {
    return this.tokens.revoke(actor, id);
  }
}
