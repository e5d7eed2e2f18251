import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { CsvEncoding } from '../../../core/api/model';

/**
 * The bytes of a CSV file as text. Excel writes several encodings, and which
 * one depends on the "Guardar como" choice, not on anything the file says:
 *
 * - "CSV UTF-8": UTF-8 with a byte-order mark;
 * - "CSV (delimitado por comas)": the Windows code page, Windows-1252 in
 *   Spanish and English Windows, so "Azúcar" is 41 7A FA 63 61 72;
 * - "Texto Unicode": UTF-16 LE with a BOM (and tabs between the cells);
 * - other tools: UTF-8 without a BOM.
 *
 * A BOM decides. Without one, bytes that are valid UTF-8 are UTF-8 (a
 * Windows-1252 accent followed by ASCII never is). Anything else must look
 * like Windows-1252 text, or the file is refused: decoding it anyway would
 * save replacement characters ("Az�car") or mojibake into the catalogue.
 */
export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/** Why the bytes are not text we can read, with the line of the first bad byte. */
export class EncodingError extends Error {
  constructor(
    readonly reason: 'INVALID_ENCODING' | 'NOT_TEXT' | 'REPLACEMENT_CHARACTER',
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The 1-based line of a byte offset, for single-byte and UTF-8 text (LF or CR ends a line). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, surrogates and code points past U+10FFFF, as WHATWG's decoder refuses them.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** Bytes with no meaning in Windows-1252. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** What a high byte may be in a shop's Windows-1252 file: letters and everyday punctuation. */
const PLAUSIBLE_CHARACTER = /^[\p{L}\p{Sc}°ºª¿¡«»‘’“”–—…·×´¨¬±²³µ¶§©®™•†‡‰\u00a0\u00ad½¼¾]$/u;
const PLAUSIBLE_1252 = new Set(
  [...iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 128 + i)), 'win1252')]
    .map((character, i) => (PLAUSIBLE_CHARACTER.test(character) ? 128 + i : -1))
    .filter((b) => b >= 0),
);

/**
 * Whether the bytes read as Windows-1252 text a shop would write; the offset
 * of the first byte that says no, or -1. Control bytes (other than tab, CR,
 * LF) mean a binary file; a run of high bytes (more than half of them next to
 * another) is how two-byte encodings such as Shift_JIS or GBK look, while in
 * Spanish an accent sits between plain letters.
 */
function implausible1252(bytes: Uint8Array): number {
  let high = 0;
  let adjacent = 0;
  let firstAdjacent = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return i;
    if (b === 0x7f) return i;
    if (b < 0x80) continue;
    if (UNDEFINED_1252.has(b) || !PLAUSIBLE_1252.has(b)) return i;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) {
      adjacent++;
      if (firstAdjacent < 0) firstAdjacent = i;
    }
  }
  return high >= 4 && adjacent * 2 > high ? firstAdjacent : -1;
}

/** Multi-byte encodings chardet may name for bytes that are not Windows-1252. */
const FOREIGN = /^(Shift_JIS|EUC-JP|EUC-KR|GB18030|Big5|ISO-2022-\w+|UTF-32\w*)$/i;

/** UTF-16 without a BOM: an ASCII header puts a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.length / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number): string {
  const body = bytes.subarray(skip);
  if (body.length % 2 !== 0) {
    throw new EncodingError(
      'INVALID_ENCODING',
      1,
      `The file says it is ${encoding.toUpperCase()} but has an odd number of bytes: it is cut short or damaged`,
    );
  }
  return iconv.decode(Buffer.from(body), encoding, { stripBOM: false });
}

function utf8(bytes: Uint8Array, skip: number, encoding: CsvEncoding): DecodedCsv {
  const body = bytes.subarray(skip);
  if (!isUtf8(body)) {
    const bad = Math.max(0, firstInvalidUtf8(body));
    throw new EncodingError(
      'INVALID_ENCODING',
      lineAt(bytes, skip + bad),
      'The file starts as UTF-8 (it has a BOM) but has bytes that are not UTF-8',
    );
  }
  return { text: Buffer.from(body).toString('utf8'), encoding };
}

function decodeBytes(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, UTF8_BOM)) return utf8(bytes, 3, 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decodeUtf16(bytes, 'utf-16le', 2), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decodeUtf16(bytes, 'utf-16be', 2), encoding: 'utf-16be' };
  }
  const sixteen = utf16WithoutBom(bytes);
  if (sixteen) return { text: decodeUtf16(bytes, sixteen, 0), encoding: sixteen };
  if (isUtf8(bytes)) return utf8(bytes, 0, 'utf-8');
  const badUtf8 = firstInvalidUtf8(bytes);

  const bad1252 = implausible1252(bytes);
  // chardet reads a sample: enough to tell a two-byte Asian encoding, cheap on a 50 MB file.
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  if (bad1252 >= 0 || (guess !== null && FOREIGN.test(guess))) {
    const at = bad1252 >= 0 ? bad1252 : badUtf8;
    const control = bytes[at] !== undefined && bytes[at]! < 0x20;
    throw new EncodingError(
      control ? 'NOT_TEXT' : 'INVALID_ENCODING',
      lineAt(bytes, at),
      control
        ? 'The file is not text (it has control bytes): save it from Excel as "CSV UTF-8"'
        : `The file is neither UTF-8 nor Windows-1252${guess && FOREIGN.test(guess) ? ` (it looks like ${guess})` : ''}: save it from Excel as "CSV UTF-8"`,
    );
  }
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

/**
 * Decodes a CSV file's bytes (see above). A U+FFFD in the result means the
 * file was already damaged by an earlier wrong conversion ("Az�car" saved
 * as UTF-8): refused too, so the damage is fixed in the file, not imported.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const decoded = decodeBytes(bytes);
  const at = decoded.text.indexOf('\uFFFD');
  if (at >= 0) {
    const line = decoded.text.slice(0, at).split(/\r\n|\r|\n/).length;
    throw new EncodingError(
      'REPLACEMENT_CHARACTER',
      line,
      `Line ${line} has the character �: the file lost its accents in an earlier conversion`,
    );
  }
  return decoded;
}
