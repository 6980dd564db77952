import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route.ts';

/** What the health routes answer: plain states a load balancer or an operator reads (no data, no versions). */
const HealthOut = z.object({
  status: z.enum(['ok', 'unavailable']),
  /** Why not ready, in a few words, when not. */
  reason: z.string().optional(),
});

/**
 * Liveness and readiness, public so a reverse proxy or orchestrator can probe them without a sign-in.
 * Readiness is false while the database cannot be reached, migrations are pending, or the process is shutting down.
 */
export const healthRoutes: RouteDef[] = [
  defineRoute({
    id: 'health.live',
    method: 'GET',
    path: '/health/live',
    summary: 'Whether the process is up (no database check)',
    tag: 'health',
    access: 'public',
    response: HealthOut,
    status: 200,
    async handler() {
      return { body: { status: 'ok' } };
    },
  }),
  defineRoute({
    id: 'health.ready',
    method: 'GET',
    path: '/health/ready',
    summary: 'Whether this process should get traffic: database reachable, migrations current, not shutting down',
    tag: 'health',
    access: 'public',
    response: HealthOut,
    status: 200,
    async handler({ deps }) {
      if (deps.lifecycle.closing) return { status: 503, body: { status: 'unavailable', reason: 'shutting down' } };
      let pending: string[];
      try {
        pending = await deps.store.pendingMigrations();
      } catch {
        return { status: 503, body: { status: 'unavailable', reason: 'database not reachable' } };
      }
      if (pending.length > 0)
        return { status: 503, body: { status: 'unavailable', reason: `${pending.length} migrations pending` } };
      return { body: { status: 'ok' } };
    },
  }),
];
