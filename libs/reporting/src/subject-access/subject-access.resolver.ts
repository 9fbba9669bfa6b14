import { Args, ArgsType, Field, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { EnumField, IdField } from '@nastavnik/platform/graphql/input-fields';
import { SubjectAccessService } from '@nastavnik/participants/subject-access/subject-access.service';
import { renderPdf } from '../render/pdf-engine';
import { subjectAccessDocument } from './subject-access.document';

export enum SubjectAccessFormat {
  JSON = 'json',
  PDF = 'pdf',
}
registerEnumType(SubjectAccessFormat, {
  name: 'SubjectAccessFormat',
  description: 'Формат выгрузки сведений о субъекте',
  valuesMap: { JSON: { description: 'Машиночитаемый JSON' }, PDF: { description: 'PDF для родителя (законного представителя) или самого участника' } },
});

@ArgsType()
export class SubjectAccessArgs {
  @IdField('Участник') participantId!: string;

  @EnumField(SubjectAccessFormat, 'Формат: JSON или PDF.') format!: SubjectAccessFormat;
}

@ObjectType('SubjectAccessFile', { description: 'Выгрузка всех сведений о субъекте персональных данных' })
export class SubjectAccessFile {
  @Field({ description: 'Имя файла' }) fileName!: string;
  @Field({ description: 'Тип содержимого' }) contentType!: string;
  @Field({ description: 'Содержимое файла, base64' }) content!: string;
}

/**
 * Subject access (issue 14): everything the platform holds about one person, for the person or a
 * parent — JSON, or a PDF rendered with the reports' locked-down pdfmake. The curator of the
 * person's school (and the platform admin) only; journaled by the participants lib's collector.
 */
@Resolver(() => SubjectAccessFile)
export class SubjectAccessResolver {
  constructor(private readonly subjects: SubjectAccessService) {}

  @Roles('curator', 'platform-admin')
  @Mutation(() => SubjectAccessFile, { description: 'Выгрузить все сведения об участнике (запрос субъекта персональных данных, 152-ФЗ ст. 14)' })
  async subjectAccessExport(@Args() args: SubjectAccessArgs): Promise<SubjectAccessFile> {
    const data = await this.subjects.collect(args.participantId.toLowerCase(), 'subjectAccessExport');
    const stem = `personal-data-${data.participantId.slice(0, 8)}-${data.generatedAt.slice(0, 10)}`;
    if (args.format === SubjectAccessFormat.PDF) {
      const pdf = await renderPdf(subjectAccessDocument(data));
      return { fileName: `${stem}.pdf`, contentType: 'application/pdf', content: pdf.toString('base64') };
    }
    return { fileName: `${stem}.json`, contentType: 'application/json', content: Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64') };
  }
}
