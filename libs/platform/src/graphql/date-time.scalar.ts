import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isRealDate } from './validators';

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;
const MESSAGE = 'Дата и время указываются как «2023-05-31T14:30:00Z» (существующие дата и время, с часовым поясом).';

/**
 * `DateTime` that refuses what does not exist. The stock scalar hands the text to `new Date`,
 * which rolls «2023-02-30T10:00:00Z» over to 2 March and turns garbage into an Invalid Date.
 */
export function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) throw new GraphQLError(MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
  const [, day, hours, minutes, seconds = '00', , zone] = match;
  const zoneOk = /^[Zz]$/.test(zone) || (Number(zone.slice(1, 3)) <= 23 && Number(zone.slice(4, 6)) <= 59);
  if (!isRealDate(day) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59 || !zoneOk) {
    throw new GraphQLError(MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 2200) {
    throw new GraphQLError(MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

export const StrictDateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'Дата и время по RFC 3339 (например, 2023-05-31T14:30:00Z); несуществующие даты отклоняются.',
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    return null;
  },
});
