// The public verify page (/verify): paste, upload or scan a CG1 QR code. Online, the server verifies it (including
// the registry); without a network, or when the server cannot be reached, the browser verifies it itself against
// the root-signed trust list and status lists that the service worker (/sw.js) keeps.
import { statusListIdOf, verifyCg1 } from './cg1.js';
import { signedDocuments, statusUrl } from './documents.js';
import { CameraScanner, decodeImageFile } from './qr-image.js';

// Results that are not a verdict on the certificate: the check could not be completed here.
const INCONCLUSIVE = new Set(['CG1-SM2-NEEDS-SERVER', 'CG1-STATUS-UNAVAILABLE', 'CG1-TRUST-UNAVAILABLE']);

const app = document.getElementById('verify-app');
const strings = JSON.parse(app.dataset.strings);
const labels = JSON.parse(app.dataset.labels);
const $ = (id) => document.getElementById(id);
const form = $('verify-form');
const textArea = $('verify-text');
const fileInput = $('verify-file');
const cameraButton = $('verify-camera');
const cameraView = $('verify-camera-view');
const inputNote = $('verify-input-note');
const resultArea = $('verify-result');
const offlineLine = $('verify-offline');

/** A UI string; {0}, {1}… are replaced by the arguments. */
const ui = (key, ...args) => (strings.ui[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');

/** A UI string with {0} replaced by a node (kept as a node, e.g. a styled code). */
const uiWith = (key, node) => {
  const [before, after = ''] = (strings.ui[key] ?? key).split('{0}');
  return [before, node, after];
};

/** An element with attributes (data-* and the like) and children; text is always set as text, never as HTML. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

// The province root key is pinned by this page (rendered from the database, not fetched): every trust list and
// status list must be signed with it. The documents come through the service worker: network first, cached offline.
const offlineChecks = signedDocuments(app.dataset.rootSpki);

async function verifyOnServer(text) {
  const response = await fetch('/api/v1/verify/qr', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

async function verify(text) {
  resultArea.replaceChildren(h('p', { class: 'panel verify-result', 'data-testid': 'verify-working' }, ui('Working')));
  let result = null;
  let fallback = false;
  // Offline is known: do not even try (a failed request would only add noise and delay).
  if (navigator.onLine) {
    try {
      const answer = await verifyOnServer(text);
      result = { ...answer, source: 'server', facts: answer.certificate ? factsFromServer(answer.certificate) : null };
      keepStatusListFor(text);
    } catch {
      fallback = true;
    }
  }
  if (!result) {
    const answer = await verifyCg1(text, offlineChecks);
    result = { ...answer, source: 'offline', fallback, facts: answer.claims ? factsFromClaims(answer.claims) : null };
  }
  render(result);
}

/** After a server check, keep the certificate's status list for later offline checks (the service worker caches it). */
async function keepStatusListFor(text) {
  const id = await statusListIdOf(text);
  if (id) fetch(statusUrl(id)).catch(() => {});
}

// ---------------------------------------------------------------------------------------------------------------
// Display. The holder's ID number is never shown whole: the server masks it, and so does mask() offline.

/** As ResidentIdNumber.Mask: the first and last four characters. */
const mask = (value) => (value.length <= 8 ? '*'.repeat(value.length) : value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4));
const named = (code, names) => (names[code] ? `${code} ${names[code]}` : code);

function factsFromServer(c) {
  const sex = { 男: 'M', 女: 'F' }[c.sex];
  return {
    name: c.name, number: c.maskedNumber, sex: labels.sex[sex] ?? c.sex, category: named(c.category, labels.categories),
    item: `${c.item} ${c.itemName}`, validity: `${c.validFrom} — ${c.validTo}`, reviewDue: c.reviewDue, authority: c.authority,
  };
}

function factsFromClaims(c) {
  return {
    name: c.name, number: mask(c.number), sex: labels.sex[c.sex] ?? c.sex, category: named(c.category, labels.categories),
    item: named(c.item, labels.items), validity: `${c.validFrom} — ${c.validTo}`, reviewDue: c.reviewDue,
    authority: labels.cities[c.authority] ?? c.authority,
  };
}

function formatInstant(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(document.documentElement.lang || 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

function render(r) {
  const tone = r.valid ? 'ok' : INCONCLUSIVE.has(r.code) ? 'warn' : 'bad';
  const title = { ok: ui('Genuine'), warn: ui('Inconclusive'), bad: ui('Failed') }[tone];
  const message = strings.codes[r.code] ?? r.message ?? r.code;
  const source = r.source === 'server' ? ui('Source.Server') : r.fallback ? ui('Source.Fallback') : ui('Source.Offline');
  const f = r.facts;
  const facts = f && h('dl', { class: 'facts', 'data-testid': 'verify-facts' },
    h('dt', {}, ui('Field.Holder')), h('dd', { class: 'name', 'data-testid': 'verify-name' }, f.name),
    h('dt', {}, ui('Field.Number')), h('dd', { class: 'mono', 'data-testid': 'verify-number' }, f.number),
    h('dt', {}, ui('Field.Sex')), h('dd', {}, f.sex),
    h('dt', {}, ui('Field.Category')), h('dd', {}, f.category),
    h('dt', {}, ui('Field.Item')), h('dd', { 'data-testid': 'verify-item' }, f.item),
    h('dt', {}, ui('Field.Validity')), h('dd', {}, f.validity),
    h('dt', {}, ui('Field.NextReview')), h('dd', {}, f.reviewDue),
    h('dt', {}, ui('Field.Authority')), h('dd', {}, f.authority));
  const section = h('section', {
    class: `panel verify-result ${tone}`, 'data-testid': 'verify-result', 'data-valid': String(Boolean(r.valid)),
    'data-code': r.code, 'data-stage': r.stage, 'data-source': r.source,
  },
  h('div', { class: 'verdict' },
    h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, { ok: '✓', warn: '!', bad: '✕' }[tone]),
    h('div', {},
      h('strong', { class: 'verdict-title', 'data-testid': 'verify-verdict' }, title),
      h('p', { class: 'verdict-message', 'data-testid': 'verify-message' }, message))),
  tone !== 'ok' && h('p', { class: 'verify-advice' }, ui(tone === 'warn' ? 'Advice.Inconclusive' : 'Advice.Bad')),
  facts,
  h('p', { class: 'verify-meta' },
    h('span', { class: 'verify-source', 'data-testid': 'verify-source' }, source),
    h('span', {}, uiWith('CodeLabel', h('span', { class: 'mono', 'data-testid': 'verify-code' }, r.code))),
    h('span', {}, ui('StageLabel', strings.stages[r.stage] ?? r.stage)),
    r.source === 'offline' && r.statusUpdatedAt && h('span', {}, ui('StatusAsOf', formatInstant(r.statusUpdatedAt)))));
  resultArea.replaceChildren(section);
  section.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function note(text) {
  inputNote.textContent = text ?? '';
  inputNote.hidden = !text;
}

// ---------------------------------------------------------------------------------------------------------------
// The three ways in.

form.addEventListener('submit', (event) => {
  event.preventDefault();
  note(null);
  verify(textArea.value);
});

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  note(ui('Image.Reading'));
  try {
    const text = await decodeImageFile(file);
    if (!text) {
      note(ui('Image.NoQr'));
      return;
    }
    note(null);
    textArea.value = text;
    await verify(text);
  } catch {
    note(ui('Image.Unreadable'));
  } finally {
    fileInput.value = ''; // the same file again is a new choice
  }
});

const scanner = new CameraScanner($('verify-video'));
let scanning = false;
cameraButton.addEventListener('click', async () => {
  if (scanning) {
    scanner.stop();
    return;
  }
  if (!CameraScanner.supported) {
    note(ui('Camera.Unsupported'));
    return;
  }
  scanning = true;
  note(null);
  cameraView.hidden = false;
  cameraButton.textContent = ui('Camera.Stop');
  try {
    const text = await scanner.scan(); // asks for the camera now, on this click, never before
    if (text) {
      textArea.value = text;
      await verify(text);
    }
  } catch {
    scanner.stop();
    note(ui('Camera.Denied'));
  } finally {
    scanning = false;
    cameraView.hidden = true;
    cameraButton.textContent = ui('Camera.Start');
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Offline: the service worker keeps the page and the signed data; it answers with what it holds.

function askWorker(worker, message) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error('no answer')), 30000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

function showOffline(state, text) {
  offlineLine.dataset.state = state;
  offlineLine.textContent = text;
}

async function setUpOffline() {
  if (!('serviceWorker' in navigator) || !('caches' in window) || !('DecompressionStream' in window)) {
    showOffline('unsupported', ui('Offline.Unsupported'));
    return;
  }
  try {
    // Offline, the registration already made stays in force; registering again would only fail to fetch /sw.js.
    if (navigator.onLine) await navigator.serviceWorker.register('/sw.js', { scope: '/verify' });
    else if (!(await navigator.serviceWorker.getRegistration('/verify'))) {
      showOffline('pending', ui('Offline.NotReady'));
      return;
    }
    const registration = await navigator.serviceWorker.ready;
    const held = await askWorker(registration.active, { type: 'refresh' });
    const ready = held.trustList && held.statusLists > 0;
    const prefix = navigator.onLine ? '' : `${ui('Offline.YouAreOffline')} `;
    showOffline(ready ? 'ready' : 'pending', prefix + (ready ? ui('Offline.Ready', held.statusLists) : ui('Offline.NotReady')));
  } catch {
    showOffline('pending', ui('Offline.NotReady'));
  }
}

setUpOffline();
