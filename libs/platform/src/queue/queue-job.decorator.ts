import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { QueueName } from './queues';

export const QUEUE_JOB_KEY = 'nastavnik:queue-job';
export type QueueJobMetadata = {
  queue: QueueName;
  name: string;
  /**
   * 'person' (default): the data carries the scope of the person who asked, and the job runs
   * under it. 'engine': a system job that uses its own database role and no tenant scope —
   * only the indicator engine (docs/adr/0006).
   */
  runsAs: 'person' | 'engine';
};

/** A job class `<Verb><Noun>Job`: one `handle(data)`, run by the worker under the data's scope. */
export type QueueJobHandler<TData = unknown, TResult = unknown> = {
  handle(data: TData, job: Job): Promise<TResult>;
};

/** Marks a provider as the handler of jobs `name` on `queue`; the worker discovers it. */
export const QueueJob = (queue: QueueName, name: string, options: { runsAs?: 'person' | 'engine' } = {}): ClassDecorator =>
  SetMetadata(QUEUE_JOB_KEY, { queue, name, runsAs: options.runsAs ?? 'person' } satisfies QueueJobMetadata);
