// The holder's page (/query/checks): the QR code of the holder's own certificate, read from a photo in the browser or
// pasted as text, goes to POST /api/v1/public/checks; the answer lists who checked the certificate.
import { strings, h, chinaTime, problemPanel as problemPanelOf } from '/query/dom.js';
import { decodeImageFile } from '/verify/qr-image.js';

const app = document.getElementById('holder-checks-app');
const form = document.getElementById('holder-checks-form');
const textInput = document.getElementById('holder-checks-text');
const fileInput = document.getElementById('holder-checks-file');
const resultArea = document.getElementById('holder-checks-result');

const ui = strings(app);

const problemPanel = (problem) => problemPanelOf(ui, problem, 'holder-checks-problem');

function answerPanel(answer) {
  const fact = (key, value) => [h('dt', {}, ui(key)), h('dd', {}, value)];
  const rows = answer.checks.map((c) => h('tr', { 'data-testid': 'holder-check' },
    h('td', { class: 'mono' }, chinaTime(c.at)), h('td', {}, c.channel), h('td', {}, c.asker), h('td', {}, c.result)));
  return h('section', { class: 'panel', 'data-testid': 'holder-checks' },
    h('h2', {}, ui('Found')),
    h('dl', { class: 'facts' },
      fact('Field.Holder', answer.name), fact('Field.Number', answer.maskedNumber), fact('Field.Item', `${answer.itemCode} ${answer.itemName}`)),
    h('p', { 'data-testid': 'holder-checks-message' }, answer.message),
    rows.length === 0
      ? h('p', { class: 'empty' }, ui('Empty'))
      : h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ['At', 'Channel', 'Asker', 'Result'].map((k) => h('th', {}, ui(k))))),
        h('tbody', {}, rows))));
}

async function show(text) {
  resultArea.replaceChildren(h('p', { class: 'muted' }, ui('Working')));
  try {
    const response = await fetch('/api/v1/public/checks', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ text }),
    });
    const body = await response.json().catch(() => null);
    resultArea.replaceChildren(response.ok && body ? answerPanel(body) : problemPanel(body));
  } catch {
    resultArea.replaceChildren(problemPanel(null));
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show(textInput.value.trim());
});

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  const text = await decodeImageFile(file).catch(() => null);
  if (!text) {
    resultArea.replaceChildren(problemPanel({ title: ui('NoCode') }));
    return;
  }
  textInput.value = text;
  show(text);
});
