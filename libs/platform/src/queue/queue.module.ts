import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueues } from './job-queues';
import { JobWorkers } from './job-workers';

/** Producers: import anywhere. */
@Global()
@Module({ providers: [JobQueues], exports: [JobQueues] })
export class QueueModule {}

/** Consumers: imported by the worker app only. */
@Module({ imports: [DiscoveryModule], providers: [JobWorkers] })
export class QueueWorkersModule {}
