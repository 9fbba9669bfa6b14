import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import type { ImportReport } from './import/import-report';
import { MAX_FILE_IMPORT_BYTES, type ImportFileFormat } from './import/read-table';
import { readUpload } from './import/read-upload';
import { ParticipantImportService } from './participant-import.service';
import { PERSONAL_DATA_ROLES } from './participant.resolver';

export const PARTICIPANT_IMPORT_PATH = '/participants/import';

export class ImportParticipantsQuery {
  @IsIn(['xlsx', 'csv'], { message: 'Формат файла (format): xlsx или csv.' })
  format!: ImportFileFormat;

  @IsIn(['true', 'false'], { message: 'Пробная загрузка (dryRun): true или false.' })
  dryRun!: 'true' | 'false';

  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор организации.' })
  tenantId?: string;
}

/**
 * `POST /participants/import?format=xlsx|csv&dryRun=true|false[&tenantId=…]` with the file as
 * the raw body (`Content-Type: application/octet-stream`, up to 5 MB) and the same bearer token:
 * the same import as the `importParticipants` mutation (see `ParticipantImportResolver` for the
 * columns), for files too large for /graphql's small body limit. Answers the `ImportReport` as
 * JSON; errors as `{ code, message }` (413 for a file over 5 MB).
 */
@Controller('participants')
export class ParticipantImportController {
  constructor(private readonly importer: ParticipantImportService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Post('import')
  @HttpCode(200)
  async import(@Query() query: ImportParticipantsQuery, @Req() request: FastifyRequest): Promise<ImportReport> {
    const file = await readUpload(request, MAX_FILE_IMPORT_BYTES);
    return this.importer.importFile(file, query.format, query.dryRun === 'true', query.tenantId?.toLowerCase() ?? null);
  }
}
