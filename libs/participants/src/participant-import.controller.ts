import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import type { ImportLayout, ImportReport } from './import/import-report';
import { parseMappingParam } from './import/mapping-param';
import { MAX_FILE_IMPORT_BYTES, type ImportFileFormat } from './import/read-table';
import { readUpload } from './import/read-upload';
import { ParticipantImportService } from './participant-import.service';
import { PERSONAL_DATA_ROLES } from './participant.resolver';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

export const PARTICIPANT_IMPORT_PATH = '/participants/import';
/** The routes that take a file as the raw body (read-upload.ts). */
export const PARTICIPANT_IMPORT_PATHS = [PARTICIPANT_IMPORT_PATH, `${PARTICIPANT_IMPORT_PATH}/columns`, `${PARTICIPANT_IMPORT_PATH}/rejected`] as const;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ImportFileQuery {
  @IsIn(['xlsx', 'csv'], { message: 'Формат файла (format): xlsx или csv.' })
  format!: ImportFileFormat;

  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор организации.' })
  tenantId?: string;

  @IsOptional()
  @IsString({ message: 'Сопоставление столбцов (mapping): ожидается JSON-объект.' })
  @MaxLength(20_000, { message: 'Сопоставление столбцов (mapping) — не длиннее 20 000 символов.' })
  mapping?: string;
}

export class ImportParticipantsQuery extends ImportFileQuery {
  @IsIn(['true', 'false'], { message: 'Пробная загрузка (dryRun): true или false.' })
  dryRun!: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'Загрузить верные строки (commitValid): true или false.' })
  commitValid?: 'true' | 'false';
}

/**
 * The import as REST routes, for files too large for /graphql's small body limit and for what is
 * a file rather than a report. Each takes the file as the raw body (`Content-Type:
 * application/octet-stream`, up to 5 MB) with the same bearer token, `format=xlsx|csv`, for a
 * platform admin `tenantId`, and optionally `mapping` — a JSON object from headings to
 * `ImportField` names (`{"Возраст":"IGNORE"}`):
 * - `POST /participants/import?dryRun=true|false[&commitValid=true]` — the same import as the
 *   `importParticipants` mutation (see `ParticipantImportResolver` for the columns); the
 *   `ImportReport` as JSON;
 * - `POST /participants/import/columns` — how the columns would be read, for the mapping step;
 * - `POST /participants/import/rejected` — the rows a dry run refuses, as an XLSX with «Ошибка»;
 * - `GET /participants/import/template` — the template XLSX.
 * Errors as `{ code, message }` (413 for a file over 5 MB).
 */
@Controller('participants/import')
export class ParticipantImportController {
  constructor(private readonly importer: ParticipantImportService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Post()
  @HttpCode(200)
  @Journaled({ entity: 'Participant', action: 'import', always: true, operation: (args) => `POST /participants/import (${(args[0] as ImportParticipantsQuery).dryRun === 'true' ? 'пробная' : 'запись'})`, tenant: (_result, args) => (args[0] as ImportFileQuery).tenantId?.toLowerCase() })
  async import(@Query() query: ImportParticipantsQuery, @Req() request: FastifyRequest): Promise<ImportReport> {
    const file = await readUpload(request, MAX_FILE_IMPORT_BYTES);
    const mapping = parseMappingParam(query.mapping);
    return this.importer.importFile(file, query.format, query.dryRun === 'true', tenantOf(query), { mapping, commitValid: query.commitValid === 'true' });
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Post('columns')
  @HttpCode(200)
  @Journaled({ entity: 'Participant', action: 'import', always: true, operation: 'POST /participants/import/columns', tenant: (_result, args) => (args[0] as ImportFileQuery).tenantId?.toLowerCase() })
  async columns(@Query() query: ImportFileQuery, @Req() request: FastifyRequest): Promise<ImportLayout> {
    const file = await readUpload(request, MAX_FILE_IMPORT_BYTES);
    return this.importer.columns(file, query.format, tenantOf(query), parseMappingParam(query.mapping));
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Post('rejected')
  @HttpCode(200)
  @Journaled({ entity: 'Participant', action: 'export', always: true, operation: 'POST /participants/import/rejected', tenant: (_result, args) => (args[0] as ImportFileQuery).tenantId?.toLowerCase() })
  async rejected(@Query() query: ImportFileQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await readUpload(request, MAX_FILE_IMPORT_BYTES);
    const rejected = await this.importer.rejectedFile(file, query.format, tenantOf(query), parseMappingParam(query.mapping));
    sendFile(reply, 'Строки с ошибками.xlsx');
    return rejected;
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Get('template')
  async template(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.importer.template();
    sendFile(reply, 'Шаблон загрузки участников.xlsx');
    return file;
  }
}

function tenantOf(query: ImportFileQuery): string | null {
  return query.tenantId?.toLowerCase() ?? null;
}

/** An XLSX download with its Russian name (RFC 5987 `filename*`, an ASCII fallback). */
function sendFile(reply: FastifyReply, fileName: string): void {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff');
}
