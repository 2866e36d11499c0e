// CSV as RFC 4180 describes it, read leniently the way spreadsheets write it: records end with CRLF, LF
// or CR; fields are separated by commas; a field that starts with a double quote runs to the matching
// closing quote, with "" standing for one quote and commas and line breaks kept inside it.
//
// Cells written for people to open in a spreadsheet are guarded against formula injection: a text that
// starts with = + - @ TAB or CR (and is not a plain number) gets a leading apostrophe, which
// `unescapeCell` removes again.

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvRow {
  /** The 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

const BOM = '\uFEFF';

/**
 * The header (the first record, cells trimmed) and the records after it. Records that are entirely
 * empty (a line with nothing but spaces on it) are skipped. Records may have more or fewer cells than the header:
 * the caller decides what that means.
 */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: CsvRow[] = [];
  let line = 1;
  let i = 0;
  const n = input.length;

  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let anyQuoted = false;
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell = '';
      if (input[i] === '"') {
        anyQuoted = true;
        const quoteLine = line;
        i += 1;
        for (;;) {
          if (i >= n)
            throw new CsvSyntaxError(quoteLine, `line ${quoteLine}: a quoted field is never closed`);
          const c = input[i];
          if (c === '"') {
            if (input[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (c === '\r' || c === '\n') {
            const breakLength = c === '\r' && input[i + 1] === '\n' ? 2 : 1;
            cell += input.slice(i, i + breakLength);
            i += breakLength;
            line += 1;
            continue;
          }
          cell += c;
          i += 1;
        }
      }
      // Unquoted text, or whatever follows a closing quote before the next comma or line break (kept
      // as is: spreadsheets are not strict about it).
      while (i < n && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') {
        cell += input[i];
        i += 1;
      }
      cells.push(cell);
      if (i >= n) {
        endOfRecord = true;
      } else if (input[i] === ',') {
        i += 1;
        if (i >= n) cells.push('');
        endOfRecord = i >= n;
      } else {
        i += input[i] === '\r' && input[i + 1] === '\n' ? 2 : 1;
        line += 1;
        endOfRecord = true;
      }
    }
    const empty = !anyQuoted && cells.length === 1 && cells[0].trim() === '';
    if (!empty) records.push({ line: startLine, cells });
  }

  const [first, ...rows] = records;
  if (first === undefined) return { header: [], rows: [] };
  return { header: first.cells.map((cell) => cell.trim()), rows };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

function escapeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellText(cell: string | number | boolean | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return String(cell);
  return escapeFormula(cell);
}

/**
 * One CSV record, ending with CRLF. Cells with a comma, quote, CR or LF are quoted (quotes doubled);
 * a lone blank cell is quoted too, so that the record is not read back as an empty line.
 */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  const texts = cells.map(cellText);
  if (texts.length === 1 && texts[0].trim() === '') return `"${texts[0]}"\r\n`;
  return (
    texts.map((text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)).join(',') + '\r\n'
  );
}

/** The cell as it was before `csvLine` guarded it against formula injection. */
export function unescapeCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
