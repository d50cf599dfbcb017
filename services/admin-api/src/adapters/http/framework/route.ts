import type { Logger } from '@app/logging';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { AdminUser } from '../../../domain/admin-user';
import type { RequestOrigin } from '../../../domain/audit';
import type { AppErrorCode } from '../../../domain/errors';
import type { Role } from '../../../domain/role';
import { parseBody, reply } from './validation';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call a route: nobody needs a token for a public one; otherwise a bearer token of one of `roles`.
 * `ticket` also accepts an events ticket in the query, for EventSource, which cannot send headers.
 */
type Access = { public: true } | { roles: readonly Role[]; ticket?: true };

type Schema = z.ZodType | undefined;
type ObjectSchema = z.ZodObject | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

interface RouteRequest<P extends ObjectSchema, Q extends ObjectSchema, H extends ObjectSchema, B extends Schema> {
  /** Path parameters, named as in `path` (`{student}`). */
  params?: P;
  query?: Q;
  /** Header names in lower case (Node's spelling). */
  headers?: H;
  body?: B;
}

export interface RouteInput<P extends ObjectSchema, Q extends ObjectSchema, H extends ObjectSchema, B extends Schema> {
  params: Parsed<P>;
  query: Parsed<Q>;
  headers: Parsed<H>;
  body: Parsed<B>;
}

/** What a handler gets besides its parsed input; `deps` is the app's (routes/route-deps.ts's RouteDeps). */
export interface HandlerContext<D> {
  deps: D;
  correlationId: string;
  log: Logger;
  origin: RequestOrigin;
  /** The authenticated user; throws on a public route. */
  user(): AdminUser;
}

interface RouteMeta {
  method: Method;
  /** OpenAPI style (`/api/admin/users/{id}`): the router and the document are built from the same string. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** The failures this route itself answers; auth and validation failures are added from access and request. */
  errors?: readonly AppErrorCode[];
}

interface RouteDef<P extends ObjectSchema, Q extends ObjectSchema, H extends ObjectSchema, B extends Schema> extends RouteMeta {
  request?: RouteRequest<P, Q, H, B>;
}

export interface JsonRouteDef<
  D,
  P extends ObjectSchema,
  Q extends ObjectSchema,
  H extends ObjectSchema,
  B extends Schema,
  S extends z.ZodType,
> extends RouteDef<P, Q, H, B> {
  response: {
    status: number;
    description: string;
    schema: S;
    /** A second answer of the same schema under another status (202 queued / 200 nothing to do), chosen by `when`. */
    alternate?: { status: number; description: string; when(body: z.output<S>): boolean };
  };
  handle(input: RouteInput<P, Q, H, B>, ctx: HandlerContext<D>): Promise<z.input<S>>;
}

export interface StreamRouteDef<
  D,
  P extends ObjectSchema,
  Q extends ObjectSchema,
  H extends ObjectSchema,
  B extends Schema,
> extends RouteDef<P, Q, H, B> {
  stream: { description: string; events: readonly string[]; data: z.ZodType };
  /** Takes over the response; the stream stays open after open() returns. */
  open(input: RouteInput<P, Q, H, B>, ctx: HandlerContext<D>, res: Response): void;
}

export interface FileRouteDef<D, P extends ObjectSchema, Q extends ObjectSchema, H extends ObjectSchema, B extends Schema> extends RouteDef<
  P,
  Q,
  H,
  B
> {
  /** Bytes, not JSON: what the document says of the 200 answer. */
  file: { description: string; contentTypes: readonly string[] };
  /** Writes the whole answer (status, headers, bytes); resolves once it is sent. */
  send(input: RouteInput<P, Q, H, B>, ctx: HandlerContext<D>, res: Response): Promise<void>;
}

/** One entry of the route table, its types erased: what the router, the OpenAPI document and tests read. */
export interface Route<D> extends RouteMeta {
  request: { params?: z.ZodObject; query?: z.ZodObject; headers?: z.ZodObject; body?: z.ZodType };
  response?: { status: number; description: string; schema: z.ZodType; alternate?: { status: number; description: string } };
  stream?: { description: string; events: readonly string[]; data: z.ZodType };
  file?: { description: string; contentTypes: readonly string[] };
  run(req: Request, res: Response, ctx: HandlerContext<D>): Promise<void>;
}

/** An empty query value means "not set" (`?status=`), as an empty environment variable does. */
export function withoutEmptyValues(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

function parsePart<S extends Schema>(schema: S | undefined, value: unknown, root: string): Parsed<S> {
  // The one assertion of the table: TypeScript cannot follow the conditional type through `undefined`.
  return (schema === undefined ? undefined : parseBody(schema, value, root)) as Parsed<S>;
}

function parseInput<P extends ObjectSchema, Q extends ObjectSchema, H extends ObjectSchema, B extends Schema>(
  request: RouteRequest<P, Q, H, B> | undefined,
  req: Request,
): RouteInput<P, Q, H, B> {
  return {
    params: parsePart(request?.params, req.params, 'params'),
    query: parsePart(request?.query, withoutEmptyValues(req.query), 'query'),
    headers: parsePart(request?.headers, req.headers, 'headers'),
    // express.json leaves no body at all for a POST without one; `{message?}` bodies may be omitted.
    body: parsePart(request?.body, req.body ?? {}, 'body'),
  };
}

/**
 * The route builders, typed by what handlers get as `ctx.deps`: bound once by the app
 * (routes/route-builders.ts), so the framework never names the app's use cases.
 */
export function routeBuilders<D>() {
  const jsonRoute = <
    S extends z.ZodType,
    P extends ObjectSchema = undefined,
    Q extends ObjectSchema = undefined,
    H extends ObjectSchema = undefined,
    B extends Schema = undefined,
  >(
    def: JsonRouteDef<D, P, Q, H, B, S>,
  ): Route<D> => ({
    ...def,
    request: def.request ?? {},
    run: async (req, res, ctx) => {
      const body = await def.handle(parseInput(def.request, req), ctx);
      const { alternate } = def.response;
      const status = alternate?.when(def.response.schema.parse(body)) ? alternate.status : def.response.status;
      reply(res, status, def.response.schema, body);
    },
  });

  const streamRoute = <
    P extends ObjectSchema = undefined,
    Q extends ObjectSchema = undefined,
    H extends ObjectSchema = undefined,
    B extends Schema = undefined,
  >(
    def: StreamRouteDef<D, P, Q, H, B>,
  ): Route<D> => ({
    ...def,
    request: def.request ?? {},
    run: async (req, res, ctx) => {
      def.open(parseInput(def.request, req), ctx, res);
    },
  });

  const fileRoute = <
    P extends ObjectSchema = undefined,
    Q extends ObjectSchema = undefined,
    H extends ObjectSchema = undefined,
    B extends Schema = undefined,
  >(
    def: FileRouteDef<D, P, Q, H, B>,
  ): Route<D> => ({
    ...def,
    request: def.request ?? {},
    run: (req, res, ctx) => def.send(parseInput(def.request, req), ctx, res),
  });

  return { jsonRoute, streamRoute, fileRoute };
}

/** `/api/admin/users/{id}` -> `/api/admin/users/:id`. */
export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
