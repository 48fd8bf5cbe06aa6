// Reading a QR code from a picture or the camera, with jsQR (vendored in /lib/jsqr, see its README.md).
// jsQR is a UMD bundle, not an ES module: it is loaded once, on first use, as a classic script that sets self.jsQR.

const JSQR_URL = '/lib/jsqr/jsQR.js';
let jsQRLoading = null;

export function loadJsQR() {
  jsQRLoading ??= new Promise((resolve, reject) => {
    if (self.jsQR) return resolve(self.jsQR);
    const script = document.createElement('script');
    script.src = JSQR_URL;
    script.onload = () => (self.jsQR ? resolve(self.jsQR) : reject(new Error('jsQR did not load')));
    script.onerror = () => {
      jsQRLoading = null; // offline before it was cached: let a later attempt try again
      reject(new Error('jsQR did not load'));
    };
    document.head.append(script);
  });
  return jsQRLoading;
}

/** Pixels of a drawable (bitmap or video frame), scaled so that its longer side is at most `maxSide`. */
function pixels(source, width, height, maxSide) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(source, 0, 0, w, h);
  return context.getImageData(0, 0, w, h);
}

/**
 * The text of the QR code in an image file, or null when none is found. Throws when the file is not a picture.
 * createImageBitmap reads the file directly: no blob: URL, which the page's CSP (img-src 'self' data:) would refuse.
 */
export async function decodeImageFile(file) {
  const [jsQR, bitmap] = await Promise.all([loadJsQR(), createImageBitmap(file)]);
  try {
    // Large photos are scaled down (speed); if that loses the code, a second, larger try.
    for (const maxSide of [1200, 2400]) {
      const image = pixels(bitmap, bitmap.width, bitmap.height, maxSide);
      const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
      if (code?.data) return code.data;
      if (Math.max(bitmap.width, bitmap.height) <= maxSide) break;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/** Scans camera frames until a QR code is read. Started only on the user's action (getUserMedia asks permission). */
export class CameraScanner {
  #video;
  #stream = null;
  #timer = 0;
  #resolve = null;

  constructor(video) {
    this.#video = video;
  }

  static get supported() {
    return Boolean(navigator.mediaDevices?.getUserMedia);
  }

  get running() {
    return this.#stream !== null;
  }

  /** Resolves with the first text read; rejects when the camera cannot be opened. stop() ends it with null. */
  async scan() {
    const jsQR = await loadJsQR();
    this.#stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    this.#video.srcObject = this.#stream;
    await this.#video.play();
    return new Promise((resolve) => {
      this.#resolve = resolve;
      const tick = () => {
        if (!this.#stream) return;
        const { videoWidth: w, videoHeight: h } = this.#video;
        if (w > 0 && h > 0) {
          const image = pixels(this.#video, w, h, 800);
          // Printed cards are dark on light: skipping the inverted pass doubles the frame rate.
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (code?.data) {
            this.stop(code.data);
            return;
          }
        }
        this.#timer = setTimeout(tick, 150);
      };
      tick();
    });
  }

  stop(text = null) {
    clearTimeout(this.#timer);
    this.#stream?.getTracks().forEach((track) => track.stop());
    this.#stream = null;
    this.#video.srcObject = null;
    this.#resolve?.(text);
    this.#resolve = null;
  }
}
