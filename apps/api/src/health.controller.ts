import { Controller, Get, HttpException, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@nastavnik/platform/auth/auth.decorators';
import { ReadReplica } from '@nastavnik/platform/database/read-replica';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { Lifecycle } from './lifecycle';

/** A scope no tenant has: the canary reads through every policy and finds nothing. */
const CANARY_SCOPE = { role: 'curator', tenantId: '00000000-0000-0000-0000-000000000000', tenantPath: null, allTenants: false, actor: 'readiness-probe' } as const;

/**
 * Probes (`@nestjs/terminus`), public, 200 or 503:
 * - `GET /health/live` — liveness: the process answers (restart it when it does not);
 * - `GET /health/ready` and `GET /health` — readiness: not draining after SIGTERM, Redis answers,
 *   and a **canary scoped query** succeeds: the app role, in a curator's scope, reads the tenant
 *   tree through forced RLS, as every request does. `select 1` answered while every request failed
 *   (the app role had lost a grant); this does not. With a read replica configured its state is
 *   reported (`ok`, `lagging`, `down`) without changing the status: reads fall back to the primary.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly context: TenantContext,
    private readonly queues: JobQueues,
    private readonly replica: ReadReplica,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
  ) {}

  @Public()
  @Get('live')
  live(@Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.health.check([async () => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]));
  }

  @Public()
  @Get(['', 'ready'])
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, this.health.check([
      async () => {
        const session = this.indicators.check('accepting');
        return this.lifecycle.draining ? session.down({ message: 'остановка: новые запросы не принимаются' }) : session.up();
      },
      async () => {
        const session = this.indicators.check('database');
        const failure = await probe(this.context.runInScope({ ...CANARY_SCOPE }, async () => (await this.context.manager()).query('select count(*) from tenants')));
        return failure ? session.down({ message: failure }) : session.up();
      },
      async () => {
        const session = this.indicators.check('redis');
        const failure = await probe(this.queues.get(QUEUES.indicators).getJobCounts('waiting'));
        return failure ? session.down({ message: failure }) : session.up();
      },
      async () => {
        const session = this.indicators.check('replica');
        return session.up(this.replica.configured ? { state: this.replica.current().status } : { state: 'none' });
      },
    ]));
  }
}

/** Terminus throws 503 with the result when a check is down; the answer is the result either way. */
async function answer(reply: FastifyReply, check: Promise<HealthCheckResult>): Promise<HealthCheckResult> {
  try {
    return await check;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    reply.status(error.getStatus());
    return error.getResponse() as HealthCheckResult;
  }
}

/** null when the check answers within two seconds, else why not (the error's message: no data in it). */
async function probe(check: Promise<unknown>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(resolve, 2000, 'нет ответа за 2 с');
  });
  try {
    return await Promise.race([check.then(() => null, (error: unknown) => (error instanceof Error ? error.message : String(error))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
