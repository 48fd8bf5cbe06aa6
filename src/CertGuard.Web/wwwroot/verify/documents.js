// The root-signed documents the page verifies before using: the trust list and the status lists.

import { base64Decode, base64UrlDecode, inflate } from './encoding.js';
import { utf8 } from './cose.js';
import { sm2PublicKeyHex } from './sm2.js';

const STATUS_LIST_BYTES = 131072 / 8;

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' };
export const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' };

/** Imports a P-256 SubjectPublicKeyInfo (base64 DER) for verifying; throws when it is not one. */
export function importEs256Key(spkiBase64) {
  const der = base64Decode(spkiBase64);
  if (!der) throw new Error('not base64');
  return crypto.subtle.importKey('spki', der, ECDSA_P256, false, ['verify']);
}

/** The payload (parsed JSON) of a flattened JWS when it is signed by `rootKey` with ES256; otherwise null. */
export async function verifyJws(json, rootKey) {
  try {
    const envelope = typeof json === 'string' ? JSON.parse(json) : json;
    const { protected: header64, payload: payload64, signature: signature64 } = envelope ?? {};
    if (typeof header64 !== 'string' || typeof payload64 !== 'string') return null;
    const header = JSON.parse(utf8.decode(base64UrlDecode(header64) ?? new Uint8Array()));
    const signature = base64UrlDecode(signature64);
    const payload = base64UrlDecode(payload64);
    if (header?.alg !== 'ES256' || !signature || signature.length !== 64 || !payload) return null;
    const signed = new TextEncoder().encode(`${header64}.${payload64}`);
    if (!(await crypto.subtle.verify(ECDSA_SHA256, rootKey, signature, signed))) return null;
    return JSON.parse(utf8.decode(payload));
  } catch {
    return null;
  }
}

// The SM2 curve's OID 1.2.156.10197.1.301, as DER: how an SM2 SubjectPublicKeyInfo names its curve.
const SM2_CURVE_OID = [0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d];

function containsBytes(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The kid lookup of a verified trust list, as TrustList.Resolver: retired keys are left out, and so is an entry
 * whose kid is not its own key's (SHA-256 of the SubjectPublicKeyInfo, first 8 bytes) or whose alg is not its curve's.
 * Returns Map(kid hex → { alg: 'ES256' | 'SM2-SM3', key: CryptoKey (ES256) | hex of the public point (SM2), authority }).
 */
export async function trustedKeys(trustList) {
  const keys = new Map();
  for (const entry of Array.isArray(trustList?.keys) ? trustList.keys : []) {
    if (!entry || entry.status === 'retired' || typeof entry.kid !== 'string') continue;
    const spki = base64Decode(entry.subjectPublicKeyInfo);
    if (!spki) continue;
    const kid = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)).subarray(0, 8));
    if (kid !== entry.kid.toLowerCase()) continue;
    if (entry.alg === 'ES256') {
      try {
        keys.set(kid, { alg: entry.alg, key: await importEs256Key(entry.subjectPublicKeyInfo), authority: entry.authority });
      } catch {
        // not a P-256 key: not trusted as ES256
      }
    } else if (entry.alg === 'SM2-SM3' && containsBytes(spki, SM2_CURVE_OID)) {
      const point = sm2PublicKeyHex(spki);
      if (point) keys.set(kid, { alg: entry.alg, key: point, authority: entry.authority });
    }
  }
  return keys;
}

/** A verified status list document's bits (16,384 bytes), or null when it is not a list of the right size. */
export async function statusBits(document) {
  const compressed = base64UrlDecode(document?.bits);
  if (!compressed) return null;
  const { bytes } = await inflate(compressed, 'gzip', STATUS_LIST_BYTES + 1);
  return bytes && bytes.length === STATUS_LIST_BYTES ? bytes : null;
}

/** Bit `index` of a status list: most significant bit of each byte first; undefined outside the list. */
export function statusBit(bits, index) {
  if (index < 0 || index >= bits.length * 8) return undefined;
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

const WELL_KNOWN = '/.well-known/certguard/';
export const TRUST_LIST_URL = `${WELL_KNOWN}trust-list.json`;
export const statusUrl = (id) => `${WELL_KNOWN}status/${encodeURIComponent(id)}`;

/**
 * The trust and status checks of verifyCg1 from the published documents (/.well-known/certguard/…), each verified
 * against the pinned root key. A document that cannot be fetched or whose signature fails counts as not at hand.
 * @param {string} rootSpkiBase64 the root key's SubjectPublicKeyInfo, base64 DER
 */
export function signedDocuments(rootSpkiBase64) {
  const rootKey = importEs256Key(rootSpkiBase64);
  rootKey.catch(() => {}); // a bad pinned key shows as "no trust list", when one is needed
  const fetchSigned = async (url) => {
    try {
      const response = await fetch(url);
      return response.ok ? await verifyJws(await response.text(), await rootKey) : null;
    } catch {
      return null;
    }
  };
  return {
    trust: async () => {
      const list = await fetchSigned(TRUST_LIST_URL);
      return list ? trustedKeys(list) : null;
    },
    status: async (id, index) => {
      const list = await fetchSigned(statusUrl(id));
      // A validly signed list of another id must not stand in for this one.
      const bits = list?.id === id ? await statusBits(list) : null;
      return bits ? { revoked: statusBit(bits, index), updatedAt: list.updatedAt } : null;
    },
  };
}

