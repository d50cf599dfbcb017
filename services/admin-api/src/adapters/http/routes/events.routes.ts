import { ENGINE_EVENT_NAMES } from '@app/contracts';
import { eventsQuerySchema, sseEventDataSchema, ticketResponseSchema } from './events.schema';
import { jsonRoute, streamRoute, type Route } from './route-builders';
import { ANY_ROLE } from './access';

/*
 * Why a ticket. The console's EventSource cannot send an Authorization header, and the alternatives are
 * worse: the JWT itself in the URL would put an hour-long credential into access logs, proxy logs and
 * browser history; a session cookie would need CSRF defences and a second way to authenticate every route.
 * So the console asks for a ticket with its bearer token (POST .../events/ticket), then opens
 * GET .../events?ticket=... The ticket is 256 random bits, kept in Redis (any replica can redeem it) for
 * 60 seconds, bound to the user, and deleted when redeemed: a leaked URL is worth nothing once used or a
 * minute old. Redeeming re-reads the user, so a disabled account gets no stream, and open streams re-check
 * their user every heartbeat. Non-browser clients may send the bearer header instead.
 */
export const EVENTS_TICKET_TTL_SECONDS = 60;

export const eventsRoutes: Route[] = [
  jsonRoute({
    method: 'post',
    path: '/api/admin/events/ticket',
    summary: 'A single-use ticket, valid for 60 seconds, to open the event stream from a browser',
    tag: 'events',
    access: ANY_ROLE,
    response: { status: 200, description: 'the ticket and when it expires', schema: ticketResponseSchema },
    async handle(_input, ctx) {
      const { ticket, expiresAt } = await ctx.deps.issueEventsTicket(ctx.user());
      return { ticket, expires_at: expiresAt.toISOString() };
    },
  }),
  streamRoute({
    method: 'get',
    path: '/api/admin/events',
    summary: 'Live updates as Server-Sent Events (authenticate with ?ticket= or a bearer header)',
    tag: 'events',
    access: { ...ANY_ROLE, ticket: true },
    errors: ['shutting_down'],
    request: { query: eventsQuerySchema },
    stream: {
      description: `events named ${ENGINE_EVENT_NAMES.join(', ')}; each data line is this JSON; a comment every 15 s`,
      events: ENGINE_EVENT_NAMES,
      data: sseEventDataSchema,
    },
    open(_input, ctx, res) {
      ctx.deps.events.open(res, { userId: ctx.user().id, log: ctx.log });
    },
  }),
];
