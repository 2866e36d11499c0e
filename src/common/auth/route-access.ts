import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from './actor.js';

/** What a route may need. Every route declares one of these, or that it is public. */
export const PERMISSIONS = [
  'member.write',
  'tag.write',
  'institution.write',
  'action_plan.write',
  'commitment.write',
  'milestone.write',
  'progress.write',
  'assessment.write',
  'evidence.write',
  'evidence.reply',
  'evidence.moderate',
  'access.manage',
  'token.own',
  'audit.read',
  'data.import',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PUBLIC_ROUTE = 'route-access:public';
export const ROUTE_PERMISSION = 'route-access:permission';

/** Anyone may call this route, signed in or not (published reads). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only a signed-in user whose role holds this permission may call this route. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_PERMISSION, permission);

/** Where the guard leaves the actor of the request. */
export interface RequestWithActor extends FastifyRequest {
  actor?: Actor;
}

/** Route parameter: who is calling (the guard has authenticated them). */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<RequestWithActor>().actor ?? ANONYMOUS,
);
