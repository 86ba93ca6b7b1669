// Text inside a PNG file: an iTXt chunk (UTF-8, uncompressed) written right after the header, so
// an exported figure carries its description (parameters, link) as metadata that image viewers
// and tools such as exiftool show, besides the footer drawn in the picture. PNG spec §11.3.4.3.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | null = null;

/** CRC-32 of a chunk's type and data (PNG spec annex D). */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 33 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * The PNG with an iTXt chunk `keyword` = `text` after its IHDR chunk. `keyword`: 1–79 Latin-1
 * characters without NUL (the spec's rule); input that is not a PNG is returned unchanged.
 */
export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(png) || !/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword)) return png;
  const enc = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, language tag "" NUL, translated keyword "" NUL, text
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}

/** The iTXt texts of a PNG by keyword, each chunk's CRC checked (a bad one is skipped). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPng(png)) return out;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  for (let at = 8; at + 12 <= png.length;) {
    const len = view.getUint32(at);
    const type = dec.decode(png.subarray(at + 4, at + 8));
    const end = at + 8 + len;
    if (end + 4 > png.length) break;
    if (type === 'iTXt' && crc32(png.subarray(at + 4, end)) === view.getUint32(end)) {
      const data = png.subarray(at + 8, end);
      const nul = data.indexOf(0);
      // After the keyword: flag, method, then two NUL-terminated strings, then the text.
      let i = nul + 3;
      i = data.indexOf(0, i) + 1;
      i = data.indexOf(0, i) + 1;
      if (nul > 0 && data[nul + 1] === 0)
        out[dec.decode(data.subarray(0, nul))] = dec.decode(data.subarray(i));
    }
    at = end + 4;
  }
  return out;
}
