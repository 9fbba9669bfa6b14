import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { contentDisposition } from './report-request';
import { ReportService } from './report.service';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

/**
 * `GET /reports/:id/file` with the same bearer token: the finished file of a report the caller's
 * scope can see (row-level security decides; another school's id is a 404), with its content type
 * and its Russian file name (RFC 5987 `filename*`).
 */
@Controller('reports')
export class ReportFileController {
  constructor(private readonly reports: ReportService) {}

  @Roles('platform-admin', 'ministry-official', 'region-analyst', 'curator')
  @Get(':id/file')
  @Journaled({ entity: 'Report', action: 'export', operation: 'GET /reports/:id/file', records: (_result, args) => [{ id: args[0] }] })
  async download(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.reports.file(id);
    reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName)).header('cache-control', 'private, no-store');
    reply.header('x-content-type-options', 'nosniff');
    return file.bytes;
  }
}
