import { CsvSyntaxError, csvLine, parseCsv, unescapeCell } from './csv.js';

function syntaxErrorOf(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('parseCsv', () => {
  it('reads the header and the records with their lines', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual({
      header: ['a', 'b'],
      rows: [
        { line: 2, cells: ['1', '2'] },
        { line: 3, cells: ['3', '4'] },
      ],
    });
  });

  it.each([
    { name: 'CRLF', text: 'a,b\r\n1,2\r\n3,4' },
    { name: 'LF', text: 'a,b\n1,2\n3,4\n' },
    { name: 'CR', text: 'a,b\r1,2\r3,4\r' },
    { name: 'mixed', text: 'a,b\r\n1,2\n3,4\r' },
  ])('separates records by $name', ({ text }) => {
    expect(parseCsv(text).rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(parseCsv('\uFEFFCode,Name\nKEN,Kenya').header).toEqual(['Code', 'Name']);
  });

  it('trims the header cells but not the others', () => {
    expect(parseCsv(' a , b \n 1 , 2 ')).toEqual({
      header: ['a', 'b'],
      rows: [{ line: 2, cells: [' 1 ', ' 2 '] }],
    });
  });

  it('reads quoted fields with doubled quotes, commas and line breaks', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","one\r\ntwo\nthree"\nnext,"",z\n';
    expect(parseCsv(text).rows).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"', 'one\r\ntwo\nthree'] },
      { line: 5, cells: ['next', '', 'z'] },
    ]);
  });

  it('counts the lines inside quoted fields for the records that follow', () => {
    const text = 'a\n"1\n2\r\n3\r4"\n5\n';
    expect(parseCsv(text).rows).toEqual([
      { line: 2, cells: ['1\n2\r\n3\r4'] },
      { line: 6, cells: ['5'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(parseCsv('a,b\n5" screen,it\'s "fine"\n').rows).toEqual([
      { line: 2, cells: ['5" screen', 'it\'s "fine"'] },
    ]);
  });

  it('keeps text after a closing quote as it is', () => {
    expect(parseCsv('a\n"quoted" tail\n').rows).toEqual([{ line: 2, cells: ['quoted tail'] }]);
  });

  it('skips empty lines, blank lines and the trailing newline, but keeps the line numbers', () => {
    expect(parseCsv('\n\na,b\n\n1,2\n   \n\n3,4\n\n').rows).toEqual([
      { line: 5, cells: ['1', '2'] },
      { line: 8, cells: ['3', '4'] },
    ]);
    expect(parseCsv('\n\na,b\n').header).toEqual(['a', 'b']);
  });

  it('keeps a record that is a lone quoted empty field, and records of empty cells', () => {
    expect(parseCsv('a\n""\n,\n').rows).toEqual([
      { line: 2, cells: [''] },
      { line: 3, cells: ['', ''] },
    ]);
  });

  it('keeps empty cells at the end of a record, also at the end of the file', () => {
    expect(parseCsv('a,b,c\n1,,\n2,,').rows).toEqual([
      { line: 2, cells: ['1', '', ''] },
      { line: 3, cells: ['2', '', ''] },
    ]);
  });

  it('returns records with fewer or more cells than the header as they are', () => {
    expect(parseCsv('a,b\n1\n1,2,3\n').rows).toEqual([
      { line: 2, cells: ['1'] },
      { line: 3, cells: ['1', '2', '3'] },
    ]);
  });

  it.each([
    { name: 'an empty file', text: '' },
    { name: 'a byte order mark alone', text: '\uFEFF' },
    { name: 'empty lines only', text: '\r\n\n\r' },
  ])('gives no header and no records for $name', ({ text }) => {
    expect(parseCsv(text)).toEqual({ header: [], rows: [] });
  });

  it('gives a header without records for a header alone', () => {
    expect(parseCsv('a,b\r\n')).toEqual({ header: ['a', 'b'], rows: [] });
  });

  it('refuses an unterminated quote, naming the line where the quoted field began', () => {
    const error = syntaxErrorOf('a,b\n1,2\n3,"never\nclosed\n4,5\n');
    expect(error).toBeInstanceOf(Error);
    expect(error.line).toBe(3);
    expect(error.message).toContain('line 3');
    expect(syntaxErrorOf('"a').line).toBe(1);
  });

  it('refuses an unterminated quote in the header', () => {
    expect(syntaxErrorOf('a,"b\n1,2').line).toBe(1);
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', 'b', 'c'])).toBe('a,b,c\r\n');
  });

  it('writes null and undefined empty, booleans and numbers as text', () => {
    expect(csvLine([null, undefined, true, false, 42, -5, 2.5, 0])).toBe(',,true,false,42,-5,2.5,0\r\n');
  });

  it('quotes cells with a comma, a quote, CR or LF, doubling the quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'one\ntwo', 'one\rtwo', 'plain'])).toBe(
      '"a,b","say ""hi""","one\ntwo","one\rtwo",plain\r\n',
    );
  });

  it.each([
    { cell: '=SUM(A1)', written: "'=SUM(A1)", name: '=SUM(A1)' },
    { cell: '+254 20 123', written: "'+254 20 123", name: '+254 20 123' },
    { cell: '-minus', written: "'-minus", name: '-minus' },
    { cell: '@home', written: "'@home", name: '@home' },
    { cell: '\tcmd', written: "'\tcmd", name: 'TAB cmd' },
    { cell: '\rcmd', written: '"\'\rcmd"', name: 'CR cmd' },
    { cell: '=1,2', written: '"\'=1,2"', name: '=1,2' },
  ])('guards $name against formula injection', ({ cell, written }) => {
    expect(csvLine([cell, 'x'])).toBe(`${written},x\r\n`);
  });

  it.each([{ cell: '-5' }, { cell: '+12' }, { cell: '-3.25' }, { cell: 'a=b' }, { cell: "'quoted" }])(
    'leaves $cell as it is',
    ({ cell }) => {
      expect(csvLine([cell, 'x'])).toBe(`${cell},x\r\n`);
    },
  );

  it('writes an empty line as "" so that it is not read back as an empty record', () => {
    expect(csvLine([])).toBe('\r\n');
    expect(csvLine([''])).toBe('""\r\n');
    expect(csvLine([null])).toBe('""\r\n');
    expect(csvLine(['', ''])).toBe(',\r\n');
  });
});

describe('unescapeCell', () => {
  it.each([
    { cell: "'=SUM(A1)", plain: '=SUM(A1)', name: '=SUM(A1)' },
    { cell: "'+1", plain: '+1', name: '+1' },
    { cell: "'-x", plain: '-x', name: '-x' },
    { cell: "'@home", plain: '@home', name: '@home' },
    { cell: "'\tx", plain: '\tx', name: 'TAB x' },
    { cell: "'\rx", plain: '\rx', name: 'CR x' },
  ])('removes the apostrophe before $name', ({ cell, plain }) => {
    expect(unescapeCell(cell)).toBe(plain);
  });

  it.each([{ cell: "'quoted'" }, { cell: "'" }, { cell: "''=x" }, { cell: 'plain' }, { cell: '' }])(
    'leaves $cell as it is',
    ({ cell }) => {
      expect(unescapeCell(cell)).toBe(cell);
    },
  );
});

describe('round trip', () => {
  const tricky = [
    'plain',
    'a, b, c',
    'say "hi"',
    '"',
    '""',
    'one\ntwo',
    'one\r\ntwo',
    'trailing\n',
    '\rleading CR',
    '\ttab',
    'unicode: Côte d’Ivoire, Türkiye, 日本, 🇰🇪',
    '=SUM(A1)',
    '=HYPERLINK("http://x","y")',
    '-5',
    '+254 20 123',
    '@home',
    '-',
    '+',
    "'already quoted",
    '  spaces  ',
    '',
  ];

  it('reads back what it writes, one value per row', () => {
    const text = csvLine(['value']) + tricky.map((value) => csvLine([value])).join('');
    const { header, rows } = parseCsv(text);
    expect(header).toEqual(['value']);
    expect(rows.map((row) => row.cells.map(unescapeCell))).toEqual(tricky.map((value) => [value]));
  });

  it('reads back what it writes, all values in one row', () => {
    const text = '\uFEFF' + csvLine(tricky.map((_, i) => `c${i}`)) + csvLine(tricky) + csvLine(tricky);
    const { rows } = parseCsv(text);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.cells.map(unescapeCell)).toEqual(tricky);
  });

  it('reads back numbers, booleans and empty cells as text', () => {
    const { rows } = parseCsv(csvLine(['a', 'b', 'c', 'd']) + csvLine([-5, true, null, 2.5]));
    expect(rows[0].cells.map(unescapeCell)).toEqual(['-5', 'true', '', '2.5']);
  });
});
