// The query page's proof of work, off the page's thread: find a nonce such that SHA-256(challenge + ":" + nonce)
// starts with `difficulty` zero bits. The server checks the answer with one hash.
const BATCH = 512;

function leadingZeroBits(bytes) {
  let bits = 0;
  for (const b of bytes) {
    if (b === 0) { bits += 8; continue; }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}

self.onmessage = async ({ data: { challenge, difficulty } }) => {
  const encoder = new TextEncoder();
  const prefix = `${challenge}:`;
  try {
    for (let start = 0; start < 2 ** 32; start += BATCH) {
      const digests = await Promise.all(Array.from({ length: BATCH },
        (_, i) => crypto.subtle.digest('SHA-256', encoder.encode(prefix + (start + i)))));
      for (let i = 0; i < BATCH; i++) {
        if (leadingZeroBits(new Uint8Array(digests[i])) >= difficulty) {
          self.postMessage({ nonce: String(start + i) });
          return;
        }
      }
    }
    self.postMessage({ error: 'exhausted' });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
