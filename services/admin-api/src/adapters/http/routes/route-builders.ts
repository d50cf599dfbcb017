import { routeBuilders, type HandlerContext as FrameworkHandlerContext, type Route as FrameworkRoute } from '../framework/route';
import type { RouteDeps } from './route-deps';

// The framework's builders bound to this API's use cases: every route module builds its routes with these.
export type Route = FrameworkRoute<RouteDeps>;
export type HandlerContext = FrameworkHandlerContext<RouteDeps>;
export const { jsonRoute, streamRoute, fileRoute } = routeBuilders<RouteDeps>();
