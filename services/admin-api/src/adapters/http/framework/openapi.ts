import {
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import type { AppErrorCode } from '../../../domain/errors';
import { errorResponseSchema } from './error.schema';
import { ERROR_STATUS } from './error-status';
import type { Route } from './route';

/** What a route can answer besides success: its own errors, plus those its access and inputs imply. */
export function errorCodesOf<D>(route: Route<D>): AppErrorCode[] {
  const codes = new Set<AppErrorCode>(route.errors ?? []);
  if (Object.values(route.request).some((schema) => schema !== undefined)) codes.add('invalid_request');
  if (!('public' in route.access)) {
    codes.add('unauthorized');
    if (!route.access.roles.includes('agent')) codes.add('forbidden');
  }
  return [...codes];
}

type StatusKey = `${1 | 2 | 3 | 4 | 5}${string}`;
const statusKey = (status: number) => String(status) as StatusKey;

function responsesOf<D>(route: Route<D>): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  if (route.response) {
    const { status, description, schema, alternate } = route.response;
    responses[statusKey(status)] = { description, content: { 'application/json': { schema } } };
    if (alternate)
      responses[statusKey(alternate.status)] = { description: alternate.description, content: { 'application/json': { schema } } };
  }
  if (route.file) {
    const binary = { type: 'string', format: 'binary' } as const;
    responses['200'] = {
      description: route.file.description,
      content: Object.fromEntries(route.file.contentTypes.map((type) => [type, { schema: binary }])),
    };
  }
  if (route.stream) {
    const { description, data } = route.stream;
    responses['200'] = { description, content: { 'text/event-stream': { schema: data } } };
  }
  const byStatus = new Map<number, AppErrorCode[]>();
  for (const code of errorCodesOf(route)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[statusKey(status)] = {
      description: `error code: ${codes.join(' | ')}`,
      content: { 'application/json': { schema: errorResponseSchema } },
    };
  }
  return responses;
}

function operationOf<D>(route: Route<D>): ZodOpenApiOperationObject {
  const { params, query, headers, body } = route.request;
  const access = 'public' in route.access ? { security: [] } : { security: [{ bearer: [] }], 'x-roles': route.access.roles };
  return {
    summary: route.summary,
    tags: [route.tag],
    ...access,
    requestParams: { ...(params && { path: params }), ...(query && { query }), ...(headers && { header: headers }) },
    ...(body && { requestBody: { required: true, content: { 'application/json': { schema: body } } } }),
    responses: responsesOf(route),
  };
}

/**
 * The OpenAPI document, generated from the route table the router is built from: a route cannot be served
 * without being described, and the schemas described are the ones that parse requests and answers.
 */
/** The API's version in the document: bumped by hand when a route or shape changes incompatibly. */
const API_VERSION = '2.0.0';

export function buildOpenApiDocument<D>(routes: readonly Route<D>[]): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'admin-api',
      version: API_VERSION,
      description: 'Admins and the admin console of the school WhatsApp chat support. Errors are {"error": {"code", "message"}}.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  });
}
