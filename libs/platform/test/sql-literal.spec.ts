import { escapeLiteral } from 'pg';
import { sqlLiteral } from '../src/database/sql-literal';

/** sqlLiteral quotes exactly as pg's escapeLiteral, character for character, whatever the string. */
describe('sqlLiteral', () => {
  it('quotes as pg does: quotes doubled; with a backslash an E string, the backslash doubled', () => {
    const cases = ['', 'plain', "O'Brien", "''", '\\', 'C:\\path\\', "it's a \\'mix\\'", 'Ёлкин «Ёж»', '{"ids":["a","b"],"note":"\\"quoted\\""}', '\u0000', "x\n'y'\r\n\\z", '😀\'😀'];
    for (const value of cases) expect({ value, quoted: sqlLiteral(value) }).toEqual({ value, quoted: escapeLiteral(value) });
  });

  it('agrees with pg on 20,000 random strings over quotes, backslashes and other characters', () => {
    const alphabet = ["'", '\\', '"', 'a', 'Я', ' ', '\n', 'E', '😀', '{', ',', '\u0001'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 20_000; n++) {
      const length = next() % 40;
      let value = '';
      for (let i = 0; i < length; i++) value += alphabet[next() % alphabet.length];
      expect(sqlLiteral(value)).toBe(escapeLiteral(value));
    }
  });
});
