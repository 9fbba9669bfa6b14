import { Injectable } from '@nestjs/common';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { ERASE_PERSONAL_DATA_JOB, ErasureService, type ErasePersonalDataJobData, type ErasureOutcome } from './erasure.service';

/** De-identifies a person when the erasure's undo window ends; runs under the requester's scope (ADR 0005). */
@Injectable()
@QueueJob(QUEUES.privacy, ERASE_PERSONAL_DATA_JOB)
export class ErasePersonalDataJob {
  constructor(private readonly erasures: ErasureService) {}

  handle(data: ErasePersonalDataJobData): Promise<ErasureOutcome> {
    return this.erasures.run(data.erasureId);
  }
}
