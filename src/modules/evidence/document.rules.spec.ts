import {
  ALLOWED_MEDIA_TYPES,
  detectMediaType,
  DOCUMENT_REFERENCE,
  documentProblems,
  sha256Hex,
} from './document.rules.js';

/** Bytes from latin-1 strings (one byte per character) and byte lists. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const c of part) out.push(c.charCodeAt(0) & 0xff);
    else out.push(...part);
  }
  return Uint8Array.from(out);
}
const utf8 = (text: string) => new TextEncoder().encode(text);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

/** A ZIP local file header for an uncompressed entry, as the first entry of an ODF package has it. */
function storedEntry(name: string, content: string): Uint8Array {
  const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];
  return bytes(
    'PK\x03\x04',
    le16(20), // version needed
    le16(0), // flags
    le16(0), // stored, not compressed
    le16(0),
    le16(0), // time, date
    le32(0x12345678), // crc-32 (not checked)
    le32(content.length),
    le32(content.length),
    le16(name.length),
    le16(0), // extra field length
    name,
    content,
  );
}
const concat = (...arrays: Uint8Array[]) => Uint8Array.from(arrays.flatMap((a) => [...a]));

const pdf = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 0, 1]);
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\x00', [1, 1]);
const docx = bytes(
  'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00',
  '[Content_Types].xml',
  '\x9d\x93\xcbn\xc20\x10\x00',
  'PK\x03\x04\x14\x00\x06\x00',
  'word/document.xml',
  '\xa5\x96\xdbn\x9b@\x10\x86',
);
const xlsx = bytes(
  'PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00',
  '[Content_Types].xml',
  '\x9d\x93\xcbn\xc20\x10\x00',
  'PK\x03\x04\x14\x00\x06\x00',
  'xl/workbook.xml',
  '\xa5\x96\xdbn\x9b@\x10\x86',
);
const odtLoose = bytes(
  'PK\x03\x04\x14\x00\x00\x08\x00\x00\x8a\x5b\x5c\x58\x5e\xc6\x32\x0c\x27\x00\x00\x00\x27\x00\x00\x00\x08\x00\x00\x00',
  'mimetypeapplication/vnd.oasis.opendocument.text',
  'PK\x03\x04\x14\x00\x08\x08\x08\x00',
  'content.xml\x00\x01\x02',
);
const odt = concat(storedEntry('mimetype', ODT), storedEntry('content.xml', '<office:document-content/>'));
const ods = concat(storedEntry('mimetype', ODS), storedEntry('content.xml', '<office:document-content/>'));
const exe = bytes(
  'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00',
  'This program cannot be run in DOS mode.',
);

describe('allowed media types', () => {
  it('are the documents civil society uploads', () => {
    expect([...ALLOWED_MEDIA_TYPES].sort()).toEqual(
      ['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'text/plain', DOCX, XLSX, ODT, ODS].sort(),
    );
  });
});

describe('detecting the media type by content', () => {
  it.each<[string, Uint8Array, string]>([
    ['a PDF', pdf, 'application/pdf'],
    ['a PNG', png, 'image/png'],
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a DOCX', docx, DOCX],
    ['an XLSX', xlsx, XLSX],
    ['an ODT', odt, ODT],
    ['an ODT with its mimetype near the start', odtLoose, ODT],
    ['an ODS', ods, ODS],
    ['plain text', utf8('Social audit, Nairobi county\nAll 12 clinics visited.\n'), 'text/plain'],
  ])('recognises %s', (_name, content, type) => expect(detectMediaType(content)).toBe(type));

  it('never goes by the declared type, except to tell CSV from plain text', () => {
    expect(detectMediaType(pdf, 'image/png')).toBe('application/pdf');
    expect(detectMediaType(png, 'application/pdf')).toBe('image/png');
    expect(detectMediaType(docx, XLSX)).toBe(DOCX);
    expect(detectMediaType(exe, 'application/pdf')).toBeUndefined();
    expect(detectMediaType(exe, 'text/csv')).toBeUndefined();
    expect(detectMediaType(utf8('<html><body>hi</body></html>'), 'text/plain')).toBeUndefined();
    expect(detectMediaType(utf8('hello'), 'application/pdf')).toBe('text/plain');
    expect(detectMediaType(pdf, 'text/csv')).toBe('application/pdf');
  });

  it('takes text declared as CSV for CSV', () => {
    const csv = utf8('county,clinics,visited\r\nNairobi,12,12\r\nKisumu,8,6\r\n');
    expect(detectMediaType(csv, 'text/csv')).toBe('text/csv');
    expect(detectMediaType(csv, 'Text/CSV; charset=utf-8')).toBe('text/csv');
    expect(detectMediaType(csv, 'text/plain')).toBe('text/plain');
    expect(detectMediaType(csv)).toBe('text/plain');
  });

  it('accepts UTF-8 text in any script, with tabs, and with a byte-order mark', () => {
    expect(detectMediaType(utf8('Évaluation citoyenne — 2025\tterminé\n'))).toBe('text/plain');
    expect(detectMediaType(utf8('ملخص التقرير\nकार्य योजना'))).toBe('text/plain');
    expect(detectMediaType(utf8('\ufeffcounty;clinics\n'), 'text/csv')).toBe('text/csv');
  });

  it.each<[string, Uint8Array]>([
    ['empty input', new Uint8Array()],
    ['a Windows executable', exe],
    ['a tiny MZ file', bytes('MZ')],
    ['an ELF executable', bytes('\x7fELF\x02\x01\x01\x00')],
    ['HTML', utf8('<html><script>alert(1)</script></html>')],
    ['HTML after whitespace', utf8('  \r\n\t<!DOCTYPE html><html></html>')],
    ['HTML after a byte-order mark', utf8('\ufeff<html></html>')],
    ['SVG', utf8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['XML', utf8('<?xml version="1.0"?><report/>')],
    ['a GIF', bytes('GIF89a\x01\x00\x01\x00\x80\x00\x00')],
    ['a tiny GIF header', bytes('GIF87a')],
    ['invalid UTF-8', bytes('caf\xe9 au lait')],
    ['a truncated UTF-8 sequence', bytes('abc\xe2\x82')],
    ['text with a NUL byte', bytes('report\x00.pdf')],
    ['text with another control character', bytes('bell\x07 and form feed\x0c')],
    ['text with DEL', bytes('a\x7fb')],
    ['text with a C1 control character', utf8('a\u0085b')],
    ['a ZIP of something else', concat(storedEntry('readme.txt', 'hello'), storedEntry('run.exe', 'MZ'))],
    ['a ZIP with only the ZIP signature', bytes('PK\x03\x04')],
    ['an EPUB', concat(storedEntry('mimetype', 'application/epub+zip'), storedEntry('content.opf', '<p/>'))],
    ['an ODF template', storedEntry('mimetype', 'application/vnd.oasis.opendocument.text-template')],
    ['an ODF presentation', storedEntry('mimetype', 'application/vnd.oasis.opendocument.presentation')],
    ['a PPTX', bytes('PK\x03\x04\x14\x00', '[Content_Types].xml', '\x00\x01', 'ppt/presentation.xml')],
    ['word/ parts without [Content_Types].xml', bytes('PK\x03\x04\x14\x00', 'word/document.xml')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47])],
  ])('refuses %s', (_name, content) => {
    expect(detectMediaType(content)).toBeUndefined();
    expect(detectMediaType(content, 'text/csv')).toBeUndefined();
  });

  it('finds signatures only at the start', () => {
    expect(detectMediaType(bytes(' %PDF-1.7\n'))).toBe('text/plain');
    expect(detectMediaType(bytes('x', [0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined();
  });

  it('looks for the ODF mimetype only near the start of the package', () => {
    const late = concat(
      storedEntry('readme.txt', 'x'.repeat(300)),
      bytes('PK\x03\x04', 'mimetypeapplication/vnd.oasis.opendocument.text'),
    );
    expect(detectMediaType(late)).toBeUndefined();
  });

  it('finds OOXML parts anywhere in the package', () => {
    const padding = new Uint8Array(100_000).fill(0xab);
    const big = concat(
      bytes('PK\x03\x04'),
      padding,
      bytes('[Content_Types].xml'),
      padding,
      bytes('xl/styles.xml'),
    );
    expect(detectMediaType(big)).toBe(XLSX);
  });
});

describe('SHA-256', () => {
  it('is the lower-case hex digest of the bytes', () => {
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('changes with any byte', () => {
    expect(sha256Hex(bytes('%PDF-1.7 a'))).not.toBe(sha256Hex(bytes('%PDF-1.7 b')));
  });
});

describe('document reference', () => {
  it.each(['shadow-report-2025.pdf', 'a', 'Scorecard_Q3.xlsx', '2025.minutes.odt', 'x'.repeat(120)])(
    'accepts %p',
    (name) => expect(DOCUMENT_REFERENCE.test(name)).toBe(true),
  );

  it.each([
    '',
    '.hidden',
    '-rf',
    '_x',
    '../etc/passwd',
    'dir/file.pdf',
    'dir\\file.pdf',
    'shadow report.pdf',
    'rapport-été.pdf',
    'x'.repeat(121),
    'file.pdf\n',
  ])('refuses %p', (name) => expect(DOCUMENT_REFERENCE.test(name)).toBe(false));
});

describe('document problems', () => {
  const MB = 1024 * 1024;

  it('are none for an allowed document within the limit', () => {
    expect(documentProblems({ bytes: pdf, maxBytes: 10 * MB })).toBeUndefined();
    expect(documentProblems({ bytes: odt, maxBytes: odt.length })).toBeUndefined();
    expect(
      documentProblems({ bytes: utf8('a,b\n1,2\n'), declaredType: 'text/csv', maxBytes: 10 * MB }),
    ).toBeUndefined();
  });

  it('are none when the expected hash and size match', () => {
    expect(
      documentProblems({
        bytes: pdf,
        maxBytes: 10 * MB,
        expected: { sha256: sha256Hex(pdf), sizeBytes: pdf.length },
      }),
    ).toBeUndefined();
    expect(
      documentProblems({ bytes: pdf, maxBytes: MB, expected: { sha256: sha256Hex(pdf).toUpperCase() } }),
    ).toBeUndefined();
    expect(
      documentProblems({ bytes: pdf, maxBytes: MB, expected: { sha256: null, sizeBytes: null } }),
    ).toBeUndefined();
    expect(documentProblems({ bytes: pdf, maxBytes: MB, expected: {} })).toBeUndefined();
  });

  it('refuse an empty document', () => {
    expect(documentProblems({ bytes: new Uint8Array(), maxBytes: MB })).toEqual({
      code: 'document.empty',
      field: 'document',
      message: 'The document is empty.',
    });
  });

  it('refuse a document larger than the limit, saying the limit', () => {
    const problem = documentProblems({ bytes: new Uint8Array(MB + 1).fill(0x41), maxBytes: MB });
    expect(problem).toMatchObject({ code: 'document.too_large', field: 'document' });
    expect(problem?.message).toContain('at most 1 MB');
    const big = documentProblems({ bytes: new Uint8Array(1536).fill(0x41), maxBytes: 1024 });
    expect(big?.message).toBe('The document is 1.5 KB; documents may be at most 1 KB.');
    expect(documentProblems({ bytes: pdf, maxBytes: 10 })?.message).toContain('at most 10 bytes');
    expect(documentProblems({ bytes: pdf, maxBytes: pdf.length })).toBeUndefined();
  });

  it('check the size before the type', () => {
    expect(documentProblems({ bytes: exe, maxBytes: 4 })?.code).toBe('document.too_large');
  });

  it('refuse content of a type not allowed, whatever it is called, listing the allowed types', () => {
    for (const content of [exe, utf8('<html></html>'), bytes('GIF89a\x01\x00')]) {
      const problem = documentProblems({ bytes: content, declaredType: 'application/pdf', maxBytes: MB });
      expect(problem).toMatchObject({ code: 'document.unsupported_type', field: 'document' });
      for (const type of ALLOWED_MEDIA_TYPES) expect(problem?.message).toContain(type);
    }
  });

  it('check the type before the hash', () => {
    expect(documentProblems({ bytes: exe, maxBytes: MB, expected: { sha256: sha256Hex(exe) } })?.code).toBe(
      'document.unsupported_type',
    );
  });

  it('refuse a document whose hash is not the expected one, showing both', () => {
    const expected = sha256Hex(utf8('another document'));
    const problem = documentProblems({ bytes: pdf, maxBytes: MB, expected: { sha256: expected } });
    expect(problem).toMatchObject({ code: 'document.hash_mismatch', field: 'sha256' });
    expect(problem?.message).toContain(sha256Hex(pdf));
    expect(problem?.message).toContain(expected);
  });

  it('check the hash before the size', () => {
    expect(
      documentProblems({ bytes: pdf, maxBytes: MB, expected: { sha256: '0'.repeat(64), sizeBytes: 1 } })
        ?.code,
    ).toBe('document.hash_mismatch');
  });

  it('refuse a document whose size is not the expected one', () => {
    const problem = documentProblems({
      bytes: pdf,
      maxBytes: MB,
      expected: { sha256: sha256Hex(pdf), sizeBytes: pdf.length + 1 },
    });
    expect(problem).toEqual({
      code: 'document.size_mismatch',
      field: 'sizeBytes',
      message: `The document is ${pdf.length} bytes, not the expected ${pdf.length + 1}.`,
    });
  });
});
