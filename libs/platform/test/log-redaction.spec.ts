import { redactor } from '../src/logging/logger';

describe('log redaction: declared keys at the first levels of a log object', () => {
  const redact = redactor(new Set(['lastName', 'birthDate', 'authorization']));

  it('replaces declared keys in objects and arrays, leaves the rest, and never mutates what was logged', () => {
    const logged = { requestId: 'r1', lastName: 'Иванова', participant: { id: 'p1', birthDate: '2011-03-17' }, people: [{ lastName: 'Петров' }, { id: 'x' }], headers: { authorization: 'Bearer abc' } };
    const copy = JSON.parse(JSON.stringify(logged));
    expect(redact(logged)).toEqual({
      requestId: 'r1',
      lastName: '[скрыто]',
      participant: { id: 'p1', birthDate: '[скрыто]' },
      people: [{ lastName: '[скрыто]' }, { id: 'x' }],
      headers: { authorization: '[скрыто]' },
    });
    expect(logged).toEqual(copy);
  });

  it('returns the same object when nothing is declared in it (no copy on the hot path)', () => {
    const line = { requestId: 'r2', method: 'POST', url: '/graphql', status: 200 };
    expect(redact(line)).toBe(line);
  });

  it('goes three levels down, not further', () => {
    expect(redact({ a: { b: { c: { lastName: 'x' } } } })).toEqual({ a: { b: { c: { lastName: '[скрыто]' } } } });
    expect(redact({ a: { b: { c: { d: { lastName: 'x' } } } } })).toEqual({ a: { b: { c: { d: { lastName: 'x' } } } } });
  });
});
