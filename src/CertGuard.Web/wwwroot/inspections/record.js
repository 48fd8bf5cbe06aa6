// The inspection record's worker entry on a phone. Every worker entered is first kept on the device (localStorage),
// with its own idempotency key, then sent; without a network it waits, and the count of what waits is shown. When the
// network is back the queue is sent in order. The server stores one worker per key and answers a resend with the
// original, so an entry whose answer was lost on the way is never stored twice; an entry leaves the queue only once
// the server answered it (stored, or refused for a reason a resend cannot fix).
import { CameraScanner } from '/verify/qr-image.js';

const app = document.getElementById('insp-worker-app');
const inspection = app.dataset.inspection;
const strings = JSON.parse(app.dataset.strings);
const STORE = 'certguard.inspections.queue.v1';
const form = document.getElementById('insp-worker-form');
const pending = document.querySelector('[data-testid="insp-pending"]');
const note = document.getElementById('insp-worker-note');
const rows = document.getElementById('insp-workers');
let sending = false;

const load = () => {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]');
  } catch {
    return [];
  }
};
const save = (queue) => localStorage.setItem(STORE, JSON.stringify(queue));
const mine = () => load().filter((e) => e.inspection === inspection);
const remove = (key) => save(load().filter((e) => e.body.clientKey !== key));

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID().replaceAll('-', '');
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function showCount() {
  const count = mine().length;
  pending.dataset.count = String(count);
  pending.textContent = strings.pending.replace('{0}', String(count)) + (navigator.onLine ? '' : ` · ${strings.offline}`);
}

function say(text) {
  note.textContent = text;
}

function addRow(worker) {
  if (rows.querySelector(`tr[data-key="${CSS.escape(worker.clientKey)}"]`)) return;
  const tr = document.createElement('tr');
  tr.dataset.key = worker.clientKey;
  tr.dataset.verdict = worker.verdict;
  const who = document.createElement('td');
  who.append(worker.name, document.createElement('br'));
  const number = document.createElement('span');
  number.className = 'mono small';
  number.textContent = worker.number;
  who.append(number);
  const verdict = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = `badge ${worker.verdict === 'valid' ? 'ok' : 'bad'}`;
  badge.textContent = worker.verdictName;
  const reason = document.createElement('span');
  reason.className = 'small';
  reason.textContent = worker.reason;
  verdict.append(badge, document.createElement('br'), reason);
  const notes = document.createElement('td');
  notes.className = 'small';
  notes.textContent = [worker.position, worker.trainingRecord, worker.origin].filter(Boolean).join(' ');
  tr.append(who, verdict, notes);
  rows.append(tr);
}

/** Sends what waits, oldest first; stops at the first entry the network or a busy server did not take. */
async function flush() {
  if (sending) return;
  sending = true;
  try {
    for (const entry of mine()) {
      if (!navigator.onLine) break;
      let response;
      try {
        response = await fetch(`/api/v1/inspections/${inspection}/workers`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(entry.body),
        });
      } catch {
        break; // no network after all: keep it for the next try
      }
      // Busy, limited, signed out or a server fault: a resend later may succeed, so it stays.
      if (response.status >= 500 || response.status === 429 || response.status === 401) break;
      remove(entry.body.clientKey);
      if (response.ok) {
        addRow(await response.json());
        say(strings.sent);
      } else {
        const problem = await response.json().catch(() => ({}));
        say(`${strings.refused}${problem.title ?? response.status}`);
      }
    }
  } finally {
    sending = false;
    showCount();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = { clientKey: newKey() };
  for (const [name, value] of data) {
    const text = String(value).trim();
    if (text) body[name] = text;
  }
  if (!body.qr && !(body.number && body.name)) {
    say(strings.refused);
    return;
  }
  save([...load(), { inspection, body, at: Date.now() }]);
  form.reset();
  showCount();
  flush();
});

const cameraButton = document.getElementById('insp-camera');
const cameraView = document.getElementById('insp-camera-view');
const scanner = new CameraScanner(document.getElementById('insp-video'));
cameraButton.hidden = !CameraScanner.supported;
cameraButton.addEventListener('click', async () => {
  if (scanner.running) {
    scanner.stop();
    return;
  }
  cameraView.hidden = false;
  cameraButton.textContent = strings.cameraStop;
  try {
    const text = await scanner.scan(); // asks for the camera now, on this click, never before
    if (text) {
      form.elements.qr.value = text;
      say(strings.scanned);
    }
  } catch {
    say(strings.cameraFailed);
  } finally {
    cameraView.hidden = true;
    cameraButton.textContent = strings.cameraStart;
  }
});

addEventListener('online', () => {
  showCount();
  flush();
});
addEventListener('offline', showCount);
// Some phones miss the online event after a long sleep: look again now and then.
setInterval(() => {
  if (navigator.onLine && mine().length > 0) flush();
}, 5000);
showCount();
flush();
// Keeps the page loadable offline; registering again offline would only fail to fetch the script.
if ('serviceWorker' in navigator && navigator.onLine) {
  navigator.serviceWorker.register('/inspections/sw.js', { scope: '/inspections/' }).catch(() => {});
}
