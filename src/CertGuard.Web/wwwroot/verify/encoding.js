// Byte encodings of CG1 and of the published documents: Base45, base64, zlib/gzip.

// ---------------------------------------------------------------------------------------------------------------
// Base45 (RFC 9285)

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Bytes of a Base45 text, or null (bad character, length ≡ 1 mod 3, a group over its range). */
export function base45Decode(text) {
  if (text.length % 3 === 1) return null;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let n = 0;
  for (let i = 0; i < text.length; i += 3) {
    const size = Math.min(3, text.length - i);
    let value = 0;
    for (let j = 0, factor = 1; j < size; j++, factor *= 45) {
      const digit = BASE45.indexOf(text[i + j]);
      if (digit < 0) return null;
      value += digit * factor;
    }
    if (size === 3) {
      if (value > 0xffff) return null;
      out[n++] = value >> 8;
      out[n++] = value & 0xff;
    } else {
      if (value > 0xff) return null;
      out[n++] = value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Decompression: zlib (RFC 1950) is what the Compression Streams API calls 'deflate'; status lists are 'gzip'.

/**
 * Inflates at most `limit` bytes: { bytes } on success, { tooLarge: true } past the limit, { bytes: null } on
 * corrupt input. Reading stops as soon as the limit is passed, so a bomb is never expanded in memory.
 *
 * Input that merely stops short (cut inside the data or the checksum) counts as what it inflated to, as with
 * .NET's ZLibStream/GZipStream, which the server uses: such input fails only the stream's close, after all its output
 * was delivered, whereas corrupt data or a wrong checksum fails the write.
 */
export async function inflate(data, format, limit) {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let corrupt = false;
  const feeding = (async () => {
    try {
      await writer.write(data);
    } catch {
      corrupt = true;
      return;
    }
    await writer.close().catch(() => {}); // truncated: keep what was inflated
  })();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        return { tooLarge: true };
      }
      chunks.push(value);
    }
  } catch {
    // the stream failed: feeding tells whether the data was corrupt or only cut short
  }
  await feeding;
  return { bytes: corrupt ? null : concat(chunks, total) };
}

export function concat(chunks, total = chunks.reduce((sum, c) => sum + c.length, 0)) {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}


export function base64UrlDecode(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64.length % 4 === 1) return null;
  try {
    return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function base64Decode(text) {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
