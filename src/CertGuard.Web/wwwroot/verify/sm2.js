// SM2 signatures with SM3 (GM/T 0003; signer ID "1234567812345678", the GM/T 0009 default), which WebCrypto lacks:
// checked with sm-crypto-v2 (vendored in /lib/sm-crypto-v2, see its README.md), so that the cities signing with the
// national algorithm verify offline too. The library is a UMD bundle, loaded once, on first use, as a classic script
// (the CSP allows scripts of this site only); the service worker keeps it for offline use.

const SM_CRYPTO_URL = '/lib/sm-crypto-v2/sm-crypto-v2.umd.js';
const SIGNER_ID = '1234567812345678';
let loading = null;

function loadSmCrypto() {
  loading ??= new Promise((resolve, reject) => {
    if (self.SmCryptoV2?.sm2) return resolve(self.SmCryptoV2);
    if (typeof document === 'undefined') return reject(new Error('no document to load sm-crypto-v2 into'));
    const script = document.createElement('script');
    script.src = SM_CRYPTO_URL;
    script.onload = () => (self.SmCryptoV2?.sm2 ? resolve(self.SmCryptoV2) : reject(new Error('sm-crypto-v2 did not load')));
    script.onerror = () => {
      loading = null; // offline before it was cached: let a later attempt try again
      reject(new Error('sm-crypto-v2 did not load'));
    };
    document.head.append(script);
  });
  return loading;
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The public point of an SM2 SubjectPublicKeyInfo (DER) as the library takes it: hex of 04‖x‖y (65 bytes), the
 * content of the BIT STRING that ends the structure. Null when the key does not end with an uncompressed point.
 */
export function sm2PublicKeyHex(spki) {
  if (!(spki instanceof Uint8Array) || spki.length < 67) return null;
  const point = spki.subarray(spki.length - 65);
  // BIT STRING: tag 03, length 66 (0x42), no unused bits (00), then the point.
  const header = spki.subarray(spki.length - 68, spki.length - 65);
  if (point[0] !== 0x04 || header[0] !== 0x03 || header[1] !== 0x42 || header[2] !== 0x00) return null;
  return hex(point);
}

/**
 * Checks an r‖s signature (64 bytes) over `data` with the public point `publicKeyHex`: true or false, or null when
 * the library cannot be loaded (offline before it was ever cached), which leaves the check to the server.
 */
export async function verifySm2(publicKeyHex, data, signature) {
  let library;
  try {
    library = await loadSmCrypto();
  } catch {
    return null;
  }
  if (typeof publicKeyHex !== 'string' || !(signature instanceof Uint8Array) || signature.length !== 64) return false;
  try {
    return library.sm2.doVerifySignature(data, hex(signature), publicKeyHex, { der: false, hash: true, userId: SIGNER_ID }) === true;
  } catch {
    // a point off the curve, s out of range …: not a valid signature
    return false;
  }
}
