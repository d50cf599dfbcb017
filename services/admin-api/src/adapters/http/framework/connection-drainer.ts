import type { RequestHandler, Response } from 'express';

export interface ConnectionDrainer {
  middleware: RequestHandler;
  /** From now on every answer not yet started says `Connection: close`. */
  drain(): void;
  isDraining(): boolean;
}

/**
 * server.close() waits for every connection to end, and a keep-alive connection whose request finished
 * during shutdown would otherwise stay open until its keep-alive timeout. Answering in-flight and late
 * requests with `Connection: close` lets Node end each socket right after its answer, so a stop takes as
 * long as the slowest request, not the keep-alive timeout.
 */
export function createConnectionDrainer(): ConnectionDrainer {
  const open = new Set<Response>();
  let draining = false;
  const closeAfterAnswer = (res: Response) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  return {
    middleware: (_req, res, next) => {
      if (draining) closeAfterAnswer(res);
      open.add(res);
      res.once('close', () => open.delete(res));
      next();
    },
    drain() {
      draining = true;
      for (const res of open) closeAfterAnswer(res);
    },
    isDraining: () => draining,
  };
}
