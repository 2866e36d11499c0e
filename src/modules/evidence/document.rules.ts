import { createHash } from 'node:crypto';

// Documents civil society attaches to oversight evidence: shadow reports, audit sheets, scorecards,
// photographs. What a document is comes from its content, never from its name or from the type the
// browser declares: a renamed executable stays an executable. The one exception is CSV, which cannot be
// told from plain text by content alone, so a declared text/csv is believed for valid text.

export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', // .docx
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', // .xlsx
  'application/vnd.oasis.opendocument.text', // .odt
  'application/vnd.oasis.opendocument.spreadsheet', // .ods
] as const;

/** A name for a document within one evidence item, e.g. 'shadow-report-2025.pdf'. */
export const DOCUMENT_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = ascii('PK\x03\x04');
/** Binary formats whose first bytes could pass for text in a tiny file: never text. */
const NEVER_TEXT = [ascii('MZ'), ascii('\x7fELF'), ascii('GIF87a'), ascii('GIF89a')];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OOXML_CONTENT_TYPES = ascii('[Content_Types].xml');
const OOXML_WORD = ascii('word/');
const OOXML_EXCEL = ascii('xl/');
const ODF_MIMETYPE = ascii('mimetype');
const ODF_TYPES = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];
/** An ODF package stores its `mimetype` entry first and uncompressed: its content is within these bytes. */
const ODF_WINDOW = 200;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The first index at or after `from` where `needle` occurs in `bytes` (below `end`), or -1. */
function indexOfBytes(bytes: Uint8Array, needle: number[], from = 0, end = bytes.length): number {
  const last = Math.min(end, bytes.length) - needle.length;
  let i = bytes.indexOf(needle[0], from);
  while (i !== -1 && i <= last) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j += 1;
    if (j === needle.length) return i;
    i = bytes.indexOf(needle[0], i + 1);
  }
  return -1;
}

/**
 * A byte that would continue a media type, so that '...opendocument.text' is not taken for
 * '...opendocument.text-template'. ODF media types are lower case: the 'P' of the next entry's 'PK'
 * header ends one.
 */
function continuesMediaType(byte: number | undefined): boolean {
  return byte !== undefined && /[a-z0-9.+_-]/.test(String.fromCharCode(byte));
}

function zipMediaType(bytes: Uint8Array): string | undefined {
  let at = indexOfBytes(bytes, ODF_MIMETYPE, 0, ODF_WINDOW);
  while (at !== -1) {
    const start = at + ODF_MIMETYPE.length;
    for (const type of ODF_TYPES) {
      const expected = ascii(type);
      if (
        startsWith(bytes.subarray(start), expected) &&
        !continuesMediaType(bytes[start + expected.length])
      ) {
        return type;
      }
    }
    at = indexOfBytes(bytes, ODF_MIMETYPE, at + 1, ODF_WINDOW);
  }
  if (indexOfBytes(bytes, OOXML_CONTENT_TYPES) === -1) return undefined;
  // A word-processing package has word/ parts, a spreadsheet xl/ ones. 'word/' is looked for first: the
  // shorter 'xl/' is likelier to turn up by chance in compressed data.
  if (indexOfBytes(bytes, OOXML_WORD) !== -1) return DOCX;
  if (indexOfBytes(bytes, OOXML_EXCEL) !== -1) return XLSX;
  return undefined;
}

/** C0 controls (NUL included) other than tab, LF and CR; DEL; C1 controls. */
function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Valid UTF-8 without NUL or control characters other than tab, CR and LF, and not markup. */
function isPlainText(bytes: Uint8Array): boolean {
  if (NEVER_TEXT.some((prefix) => startsWith(bytes, prefix))) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i += 1) if (isControl(text.charCodeAt(i))) return false;
  // HTML, SVG and XML start with '<' (after whitespace or a byte-order mark, which trimStart drops).
  return !text.trimStart().startsWith('<');
}

function normalisedMediaType(declared: string | undefined): string | undefined {
  return declared?.split(';')[0].trim().toLowerCase();
}

/**
 * The media type of a document by its content, or undefined when it is none of the allowed ones (or
 * empty). `declared` only tells text/csv from text/plain.
 */
export function detectMediaType(bytes: Uint8Array, declared?: string): string | undefined {
  if (bytes.length === 0) return undefined;
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP)) return zipMediaType(bytes);
  if (!isPlainText(bytes)) return undefined;
  return normalisedMediaType(declared) === 'text/csv' ? 'text/csv' : 'text/plain';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A size for people: '10 MB', '1.5 MB', '512 KB', '300 bytes' (1 KB = 1024 bytes). */
function formatSize(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export interface DocumentUpload {
  bytes: Uint8Array;
  /** The type the client declared; only used to tell CSV from plain text. */
  declaredType?: string;
  maxBytes: number;
  /** What the client says it is sending, when it says. */
  expected?: { sha256?: string | null; sizeBytes?: number | null };
}

export interface DocumentProblem {
  code: string;
  field: string;
  message: string;
}

/**
 * The first thing wrong with an uploaded document, or undefined when it may be stored. In order: empty,
 * too large, a type not allowed (by content), a SHA-256 or a size other than the one announced.
 */
export function documentProblems(upload: DocumentUpload): DocumentProblem | undefined {
  const { bytes, maxBytes, expected } = upload;
  if (bytes.length === 0) {
    return { code: 'document.empty', field: 'document', message: 'The document is empty.' };
  }
  if (bytes.length > maxBytes) {
    return {
      code: 'document.too_large',
      field: 'document',
      message: `The document is ${formatSize(bytes.length)}; documents may be at most ${formatSize(maxBytes)}.`,
    };
  }
  const mediaType = detectMediaType(bytes, upload.declaredType);
  if (mediaType === undefined || !(ALLOWED_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    return {
      code: 'document.unsupported_type',
      field: 'document',
      message:
        'The content of the document is not of an allowed type (whatever its name says). Allowed: ' +
        `PDF, PNG, JPEG, CSV, plain text, DOCX, XLSX, ODT and ODS (${ALLOWED_MEDIA_TYPES.join(', ')}).`,
    };
  }
  const expectedHash = expected?.sha256?.trim().toLowerCase();
  if (expectedHash) {
    const actual = sha256Hex(bytes);
    if (actual !== expectedHash) {
      return {
        code: 'document.hash_mismatch',
        field: 'sha256',
        message: `The document's SHA-256 is ${actual}, not the expected ${expectedHash}: it may have changed or been damaged in transit.`,
      };
    }
  }
  const expectedSize = expected?.sizeBytes;
  if (expectedSize !== undefined && expectedSize !== null && expectedSize !== bytes.length) {
    return {
      code: 'document.size_mismatch',
      field: 'sizeBytes',
      message: `The document is ${bytes.length} ${bytes.length === 1 ? 'byte' : 'bytes'}, not the expected ${expectedSize}.`,
    };
  }
  return undefined;
}
