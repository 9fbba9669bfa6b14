import { HttpError } from 'react-admin';
import { createDataProvider } from '../src/dataProvider';
import { columnsPath, formatOf, importPath, rejectedName, rejectedPath } from '../src/participants/importFile';

/** The import page's requests: the file's format, the dry run or commit, the curator's mapping and «только верные строки». */
describe('console: the import page’s routes', () => {
  it('a CSV, «Текст Юникод» (.txt) or a workbook; the mapping as JSON, commitValid only when asked', () => {
    expect(['a.csv', 'b.TXT', 'c.tsv', 'd.xlsx', 'e'].map(formatOf)).toEqual(['CSV', 'CSV', 'CSV', 'XLSX', 'XLSX']);
    expect(importPath('Список.csv', true)).toBe('/participants/import?format=csv&dryRun=true');
    const path = importPath('Список.xlsx', false, { mapping: Object.fromEntries([['Любимый предмет', 'NOTES'], ['__proto__', 'IGNORE']]), commitValid: true });
    const params = new URL(`http://x${path}`).searchParams;
    expect([params.get('format'), params.get('dryRun'), params.get('commitValid')]).toEqual(['xlsx', 'false', 'true']);
    expect(JSON.parse(params.get('mapping')!)).toEqual(Object.fromEntries([['Любимый предмет', 'NOTES'], ['__proto__', 'IGNORE']]));
    expect(columnsPath('a.csv')).toBe('/participants/import/columns?format=csv');
    expect(rejectedPath('a.xlsx', { Возраст: 'IGNORE' })).toBe(`/participants/import/rejected?format=xlsx&mapping=${encodeURIComponent('{"Возраст":"IGNORE"}')}`);
    expect(rejectedName('База 7Б.xlsx')).toBe('База 7Б — строки с ошибками.xlsx');
  });

  it('the error file comes back as a file (uploadForFile); a refusal is an HttpError with the API’s message', async () => {
    const realFetch = globalThis.fetch;
    const xlsx = new Uint8Array([80, 75, 3, 4, 1]);
    const answers = [new Response(xlsx, { status: 200 }), new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: 'Файл не похож на CSV.' }), { status: 400 })];
    const calls: RequestInit[] = [];
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return answers.shift() as Response;
    }) as typeof fetch;
    try {
      const provider = createDataProvider({ apiBase: 'http://api', bindings: [], getToken: async () => 'tkn' });
      const blob = await provider.uploadForFile('/participants/import/rejected?format=xlsx', new Blob([xlsx]));
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(xlsx);
      expect(calls[0]).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/octet-stream', authorization: 'Bearer tkn' } });
      const refused = await provider.uploadForFile('/participants/import/rejected?format=csv', new Blob([xlsx])).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(HttpError);
      expect([(refused as HttpError).status, (refused as HttpError).message]).toEqual([400, 'Файл не похож на CSV.']);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
