// CG1 verification in the browser: "CG1:" + Base45(zlib(COSE_Sign1(CBOR claims))), docs/cg1-format.md.
// It mirrors src/CertGuard.Core/Credentials/Cg1Codec.cs stage by stage, with the same stage names and codes, so that
// an offline result means what the server's would. ES256 signatures are checked with WebCrypto, SM2 with SM3 with the
// vendored sm-crypto-v2 (sm2.js); only when that library cannot be loaded does an SM2 QR stop at the signature stage
// with CG1-SM2-NEEDS-SERVER.

import { base45Decode, inflate } from './encoding.js';
import { CborError, CborFloat, CborMap, INT32_MAX, decodeCbor, decodeCoseSign1, int64, isInt, sigStructure } from './cose.js';
import { ECDSA_SHA256, hex } from './documents.js';
import { verifySm2 } from './sm2.js';

export const MAX_TEXT_LENGTH = 4296; // a version-40 QR holds no more alphanumeric characters
export const MAX_INFLATED_BYTES = 16 * 1024; // a certificate is a few hundred bytes; a zlib bomb is refused
const PREFIX = 'CG1:';
const ES256 = -7;
const SM2 = -65601;
const CERTIFICATE_CLAIM = -65537;

/** One stage's outcome: valid, or the first failure, as the server's VerificationResult. */
function fail(stage, code, extra = {}) {
  return { valid: false, stage, code, ...extra };
}

// ---------------------------------------------------------------------------------------------------------------
// Claims, as Cg1Claims.TryRead: a problem string (the server's detail) or the claims.

const CLAIMS_CBOR_ERROR = 'CBOR 格式错误';

/** { claims } or { problem }. */
export function readClaims(payload) {
  let cwt;
  try {
    cwt = readCwt(payload);
  } catch {
    return { problem: CLAIMS_CBOR_ERROR };
  }
  if (cwt.iss === undefined || cwt.iat === undefined || cwt.exp === undefined) return { problem: '缺少 iss / iat / exp' };
  const fields = cwt.private.get(CERTIFICATE_CLAIM);
  if (fields === undefined) return { problem: '缺少证书数据（-65537）' };
  let map;
  try {
    map = readTextMap(fields);
  } catch {
    return { problem: CLAIMS_CBOR_ERROR };
  }
  if (map.get('v') !== 1) return { problem: '版本号 v 不是 1' };
  const sl = map.get('sl');
  if (!Array.isArray(sl) || sl.length !== 2 || typeof sl[0] !== 'string' || typeof sl[1] !== 'number' || sl[1] < 0 || sl[1] > INT32_MAX) {
    return { problem: '状态列表 sl 格式错误' };
  }
  const text = (key) => (typeof map.get(key) === 'string' ? map.get(key) : null);
  const date = (key) => (isDate(text(key)) ? text(key) : null);
  const texts = { no: text('no'), nm: text('nm'), sx: text('sx'), id: text('id'), cat: text('cat'), it: text('it'), au: text('au') };
  const dates = { fi: date('fi'), vf: date('vf'), vt: date('vt'), rd: date('rd') };
  if ([...Object.values(texts), ...Object.values(dates)].some((v) => v === null)) return { problem: '字段缺失或类型错误' };
  return {
    claims: {
      issuer: cwt.iss, issuedAt: cwt.iat, expiresAt: cwt.exp,
      number: texts.no, name: texts.nm, sex: texts.sx, idNumber: texts.id, category: texts.cat, item: texts.it,
      firstIssued: dates.fi, validFrom: dates.vf, validTo: dates.vt, reviewDue: dates.rd, authority: texts.au,
      statusListId: sl[0], statusIndex: sl[1],
    },
  };
}

/** CwtMap.Read: iss (1, text), exp (4) and iat (6) as instants in ms, and the raw-decoded private claims. */
function readCwt(payload) {
  const map = decodeCbor(payload);
  if (!(map instanceof CborMap)) throw new CborError('claims are not a map');
  const cwt = { private: new Map() };
  for (const [label, value] of map.entries) {
    if (!isInt(label)) continue; // text labels are skipped
    int64(label);
    if (label === 1 && typeof value === 'string') cwt.iss = value;
    else if (label === 4) cwt.exp = numericDate(value);
    else if (label === 6) cwt.iat = numericDate(value);
    else cwt.private.set(label, value);
  }
  return cwt;
}

/** NumericDate: integer or floating seconds since the epoch, in .NET's DateTimeOffset range; returns ms. */
function numericDate(value) {
  let seconds;
  if (isInt(value)) seconds = Number(int64(value));
  else if (value instanceof CborFloat) seconds = value.value;
  else throw new CborError('NumericDate expected');
  if (Number.isNaN(seconds) || seconds < -62135596800 || seconds > 253402300799) throw new CborError('NumericDate out of range');
  return Math.trunc(seconds * 1000);
}

/** The certificate map: definite, text keys, values text, integer, or a definite array (≤ 16) of those. */
function readTextMap(value) {
  if (!(value instanceof CborMap) || value.indefinite) throw new CborError('certificate claim is not a definite map');
  const map = new Map();
  for (const [key, item] of value.entries) {
    if (typeof key !== 'string') throw new CborError('key is not text');
    map.set(key, claimValue(item, 0));
  }
  return map;
}

function claimValue(value, depth) {
  if (typeof value === 'string') return value;
  if (isInt(value)) return int64(value); // a BigInt (beyond 2^53) is never a valid v or index, as in C#
  if (Array.isArray(value) && depth === 0) {
    if (value.indefinite || value.length > 16) throw new CborError('bad array');
    return value.map((item) => claimValue(item, 1));
  }
  throw new CborError('unexpected claim type');
}

/** "YYYY-MM-DD", a real calendar date. */
function isDate(text) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text ?? '');
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}


// ---------------------------------------------------------------------------------------------------------------
// Verification, in the order of Cg1Codec.Verify.

/**
 * Verifies a QR text in the browser.
 * @param {string} text the QR text
 * @param {object} env
 * @param {() => Promise<Map|null>} env.trust the trusted keys (trustedKeys of the root-verified trust list), or null
 *   when no trust list is at hand
 * @param {(id: string, index: number) => Promise<{revoked?: boolean, updatedAt?: string}|null>} env.status the bit
 *   of a certificate on its root-verified status list, or null when the list is not at hand
 * @param {number} [env.now] the instant to verify at, ms since the epoch
 * @returns {Promise<object>} { valid, stage, code, claims?, detail?, statusUpdatedAt? }
 */
export async function verifyCg1(text, { trust, status, now = Date.now() }) {
  if (typeof text !== 'string' || text.trim() === '') return fail('Input', 'CG1-EMPTY');
  if (text.length > MAX_TEXT_LENGTH) return fail('Input', 'CG1-TOO-LONG');
  text = text.trim();
  if (!text.startsWith(PREFIX)) return fail('Prefix', 'CG1-PREFIX');

  const compressed = base45Decode(text.slice(PREFIX.length));
  if (!compressed) return fail('Base45', 'CG1-BASE45');

  const inflated = await inflate(compressed, 'deflate', MAX_INFLATED_BYTES);
  if (inflated.tooLarge) return fail('Zlib', 'CG1-ZLIB-LIMIT');
  if (!inflated.bytes || inflated.bytes.length === 0) return fail('Zlib', 'CG1-ZLIB');

  const message = decodeCoseSign1(inflated.bytes);
  if (!message) return fail('Cose', 'CG1-COSE');
  if (message.alg !== ES256 && message.alg !== SM2) return fail('Cose', 'CG1-ALG-UNSUPPORTED', { detail: message.alg?.toString() });
  if (!message.kid || message.kid.length === 0) return fail('Cose', 'CG1-KID-MISSING');

  const keys = await trust();
  // Not a code of the C# decoder, which always has its trust list: without one nothing can be said of the kid.
  if (!keys) return fail('Kid', 'CG1-TRUST-UNAVAILABLE');
  const key = keys.get(hex(message.kid));
  if (!key) return fail('Kid', 'CG1-KID-UNKNOWN', { detail: hex(message.kid) });
  if ((key.alg === 'ES256' ? ES256 : SM2) !== message.alg) return fail('Kid', 'CG1-ALG-MISMATCH');

  const signed = sigStructure(message.protectedHeader, message.payload);
  let signatureValid;
  if (message.alg === SM2) {
    // WebCrypto has no SM2: the vendored sm-crypto-v2 checks it. Only if it cannot be loaded is the check the
    // server's; nothing after this stage can be trusted then.
    signatureValid = await verifySm2(key.key, signed, message.signature);
    if (signatureValid === null) return fail('Signature', 'CG1-SM2-NEEDS-SERVER');
  } else {
    // r‖s, 64 bytes, is exactly WebCrypto's ECDSA signature format (IEEE P1363), as in COSE.
    signatureValid = message.signature.length === 64 && (await crypto.subtle.verify(ECDSA_SHA256, key.key, message.signature, signed));
  }
  if (!signatureValid) return fail('Signature', 'CG1-SIG-INVALID');

  const { claims, problem } = readClaims(message.payload);
  if (!claims) return fail('Claims', 'CG1-CLAIMS', { detail: problem });

  if (now < claims.issuedAt) return fail('Dates', 'CG1-NOT-YET-VALID', { claims });
  if (now > claims.expiresAt) return fail('Dates', 'CG1-EXPIRED', { claims });

  const entry = await status(claims.statusListId, claims.statusIndex);
  if (!entry || entry.revoked === undefined) return fail('Status', 'CG1-STATUS-UNAVAILABLE', { claims });
  if (entry.revoked) return fail('Status', 'CG1-REVOKED', { claims, statusUpdatedAt: entry.updatedAt });
  return { valid: true, stage: 'Complete', code: 'CG1-VALID', claims, statusUpdatedAt: entry.updatedAt };
}

/**
 * The status list a QR text names, read without checking its signature: only to know which list to keep for
 * offline use after the server has verified it. Never use it for anything shown.
 */
export async function statusListIdOf(text) {
  try {
    const compressed = base45Decode(text.trim().slice(PREFIX.length));
    const inflated = compressed && (await inflate(compressed, 'deflate', MAX_INFLATED_BYTES)).bytes;
    const message = inflated && decodeCoseSign1(inflated);
    return (message && readClaims(message.payload).claims?.statusListId) || null;
  } catch {
    return null;
  }
}
