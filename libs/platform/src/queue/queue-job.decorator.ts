import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { QueueName } from './queues';

export const QUEUE_JOB_KEY = 'nastavnik:queue-job';
export type QueueJobMetadata = { queue: QueueName; name: string };

/** A job class `<Verb><Noun>Job`: one `handle(data)`, run by the worker under the data's scope. */
export type QueueJobHandler<TData = unknown, TResult = unknown> = {
  handle(data: TData, job: Job): Promise<TResult>;
};

/** Marks a provider as the handler of jobs `name` on `queue`; the worker discovers it. */
export const QueueJob = (queue: QueueName, name: string): ClassDecorator =>
  SetMetadata(QUEUE_JOB_KEY, { queue, name } satisfies QueueJobMetadata);
