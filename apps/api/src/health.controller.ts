import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@nastavnik/platform/auth/auth.decorators';
import { ReadReplica } from '@nastavnik/platform/database/read-replica';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';

/**
 * `GET /health`: the only public route; 200 when Postgres and Redis answer, 503 otherwise. With a
 * read replica configured it also says what became of it (`ok`, `lagging`, `down`, …) without
 * changing the status: its reads fall back to the primary.
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly replica: ReadReplica,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      probe(this.dataSource.query('select 1')),
      probe(this.queues.get(QUEUES.indicators).getJobCounts('waiting')),
    ]);
    const ok = database === 'ok' && redis === 'ok';
    reply.status(ok ? 200 : 503);
    const replica = this.replica.configured ? { replica: this.replica.current().status } : {};
    return { status: ok ? 'ok' : 'degraded', database, redis, ...replica };
  }
}

/** 'ok' when the check answers within two seconds. */
function probe(check: Promise<unknown>): Promise<'ok' | 'down'> {
  const timeout = new Promise<'down'>((resolve) => setTimeout(resolve, 2000, 'down').unref());
  return Promise.race([check.then(() => 'ok' as const, () => 'down' as const), timeout]);
}
