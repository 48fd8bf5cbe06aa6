// CBOR and COSE_Sign1 decoding for CG1, as src/CertGuard.Core/Credentials/CoseSign1.cs.

import { concat } from './encoding.js';

export const INT32_MAX = 2 ** 31 - 1;

// ---------------------------------------------------------------------------------------------------------------
// CBOR (RFC 8949): only what CG1 needs. Integers are numbers (BigInt beyond 2^53), byte strings Uint8Array, text
// strings strings, arrays Array (flag `indefinite`), maps CborMap (ordered entries, keys of any type), tags Tagged,
// floats CborFloat (so that 1.0 is not taken for the integer 1). Depth and counts are capped; input is ≤ 16 KiB.

const MAX_DEPTH = 16;
const BREAK = Symbol('break');

export class CborError extends Error {}

export class CborMap {
  constructor(entries, indefinite) {
    this.entries = entries;
    this.indefinite = indefinite;
  }
}

export class Tagged {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
}

export class CborFloat {
  constructor(value) {
    this.value = value;
  }
}

// fatal: invalid UTF-8 is an error, as in .NET's CborReader; ignoreBOM: a leading U+FEFF is kept, not eaten.
export const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes exactly one CBOR item filling `bytes`; throws CborError (or TypeError on bad UTF-8) otherwise. */
export function decodeCbor(bytes) {
  const reader = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: 0 };
  const value = readItem(reader, 0, false);
  if (reader.at !== bytes.length) throw new CborError('trailing bytes');
  return value;
}

function take(r, n) {
  if (r.at + n > r.bytes.length) throw new CborError('truncated');
  const start = r.at;
  r.at += n;
  return start;
}

/** The initial byte's major type and argument; argument null for indefinite length (31). */
function readHead(r) {
  const initial = r.bytes[take(r, 1)];
  const major = initial >> 5;
  const info = initial & 0x1f;
  let arg;
  if (info < 24) arg = info;
  else if (info === 24) arg = r.bytes[take(r, 1)];
  else if (info === 25) arg = r.view.getUint16(take(r, 2));
  else if (info === 26) arg = r.view.getUint32(take(r, 4));
  else if (info === 27) {
    const big = r.view.getBigUint64(take(r, 8));
    arg = big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  } else if (info === 31) arg = null;
  else throw new CborError('reserved additional information');
  return { major, info, arg };
}

function length(r, arg) {
  // Every element takes at least one byte: a count beyond what is left is malformed (and never allocated).
  if (typeof arg !== 'number' || arg > r.bytes.length - r.at) throw new CborError('length out of range');
  return arg;
}

function readItem(r, depth, allowBreak) {
  if (depth > MAX_DEPTH) throw new CborError('nested too deeply');
  const { major, info, arg } = readHead(r);
  switch (major) {
    case 0:
      if (arg === null) throw new CborError('indefinite integer');
      return arg;
    case 1: {
      if (arg === null) throw new CborError('indefinite integer');
      if (typeof arg === 'number') return -1 - arg;
      const negative = -1n - arg;
      return negative >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(negative) : negative;
    }
    case 2:
    case 3: {
      let bytes;
      if (arg === null) {
        // An indefinite string: definite chunks of the same type until "break".
        const chunks = [];
        for (;;) {
          const chunk = readHead(r);
          if (chunk.major === 7 && chunk.info === 31) break;
          if (chunk.major !== major || chunk.arg === null) throw new CborError('bad string chunk');
          const start = take(r, length(r, chunk.arg));
          chunks.push(r.bytes.subarray(start, r.at));
        }
        bytes = concat(chunks);
      } else {
        const start = take(r, length(r, arg));
        bytes = r.bytes.slice(start, r.at);
      }
      return major === 2 ? bytes : utf8.decode(bytes);
    }
    case 4: {
      const items = [];
      if (arg === null) {
        for (let item; (item = readItem(r, depth + 1, true)) !== BREAK;) items.push(item);
        items.indefinite = true;
      } else {
        const count = length(r, arg);
        for (let i = 0; i < count; i++) items.push(readItem(r, depth + 1, false));
      }
      return items;
    }
    case 5: {
      const entries = [];
      if (arg === null) {
        for (let key; (key = readItem(r, depth + 1, true)) !== BREAK;) entries.push([key, readItem(r, depth + 1, false)]);
      } else {
        const count = length(r, arg);
        for (let i = 0; i < count; i++) entries.push([readItem(r, depth + 1, false), readItem(r, depth + 1, false)]);
      }
      return new CborMap(entries, arg === null);
    }
    case 6:
      if (arg === null) throw new CborError('indefinite tag');
      return new Tagged(arg, readItem(r, depth + 1, false));
    default: // 7: simple values and floats
      if (info === 25) return new CborFloat(halfToNumber(arg));
      if (info === 26) {
        const view = new DataView(new ArrayBuffer(4));
        view.setUint32(0, arg);
        return new CborFloat(view.getFloat32(0));
      }
      if (info === 27) {
        const view = new DataView(new ArrayBuffer(8));
        view.setBigUint64(0, BigInt(arg));
        return new CborFloat(view.getFloat64(0));
      }
      if (info === 31) {
        if (!allowBreak) throw new CborError('unexpected break');
        return BREAK;
      }
      return { simple: arg }; // false, true, null, undefined and other simple values: never valid where CG1 reads
  }
}

function halfToNumber(half) {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

export const isInt = (v) => typeof v === 'number' || typeof v === 'bigint';
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** A CBOR integer as .NET's CborReader.ReadInt64 reads it: outside the Int64 range it throws. */
export function int64(v) {
  if (typeof v === 'bigint' && (v < INT64_MIN || v > INT64_MAX)) throw new CborError('integer overflow');
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// COSE_Sign1 (RFC 9052), as CoseSign1.TryDecode: optional CWT tag 61, optional tag 18, then exactly 4 elements.

/** The message, or null when the bytes are not a COSE_Sign1. */
export function decodeCoseSign1(bytes) {
  try {
    let value = decodeCbor(bytes);
    if (value instanceof Tagged && value.tag === 61) value = value.value;
    if (value instanceof Tagged && value.tag === 18) value = value.value;
    if (!Array.isArray(value) || value.indefinite || value.length !== 4) return null;
    const [protectedHeader, unprotectedHeader, payload, signature] = value;
    if (!(protectedHeader instanceof Uint8Array) || !(unprotectedHeader instanceof CborMap)) return null;
    if (!(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) return null;
    let fromProtected = {};
    if (protectedHeader.length > 0) {
      const map = decodeCbor(protectedHeader);
      if (!(map instanceof CborMap)) return null;
      fromProtected = headerValues(map);
    }
    const fromUnprotected = headerValues(unprotectedHeader);
    // Protected values win; RFC 9052 lets both live in the unprotected bucket, and some issuers put them there.
    return {
      protectedHeader,
      alg: fromProtected.alg ?? fromUnprotected.alg ?? null,
      kid: fromProtected.kid ?? fromUnprotected.kid ?? null,
      payload,
      signature,
    };
  } catch {
    return null;
  }
}

/** {1: alg, 4: kid} of a header map; other labels, and labels that are not integers, are skipped. */
function headerValues(map) {
  const values = {};
  for (const [label, value] of map.entries) {
    if (!isInt(label)) continue;
    int64(label);
    if (label === 1 && isInt(value)) {
      if (typeof value !== 'number' || value < -INT32_MAX - 1 || value > INT32_MAX) throw new CborError('alg out of range');
      values.alg = value;
    } else if (label === 4 && value instanceof Uint8Array) {
      values.kid = value;
    }
  }
  return values;
}

/** The Sig_structure ["Signature1", protected, h'', payload] (RFC 9052 §4.4), as CBOR with shortest lengths. */
export function sigStructure(protectedHeader, payload) {
  const head = (major, n) => {
    if (n < 24) return [(major << 5) | n];
    if (n < 0x100) return [(major << 5) | 24, n];
    if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
    return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  };
  const context = new TextEncoder().encode('Signature1');
  return concat([
    new Uint8Array([0x84, ...head(3, context.length)]), context,
    new Uint8Array(head(2, protectedHeader.length)), protectedHeader,
    new Uint8Array([0x40]),
    new Uint8Array(head(2, payload.length)), payload,
  ]);
}

