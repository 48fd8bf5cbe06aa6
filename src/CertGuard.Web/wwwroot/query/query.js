// The public query page (/query): number and name to GET /api/v1/public/verify, the answer rendered as the holder's
// certificates or one "not found" that reads the same whether the number is unknown or the name is not its holder's.
// Past the rate limit, the page offers the self-hosted challenge (proof of work in a worker) and then carries on.
import { strings, h, chinaTime, problemPanel as problemPanelOf } from '/query/dom.js';

const app = document.getElementById('query-app');
const form = document.getElementById('query-form');
const numberInput = document.getElementById('query-no');
const nameInput = document.getElementById('query-name');
const resultArea = document.getElementById('query-result');

const ui = strings(app);

const TONES = { Valid: 'ok', ReviewDue: 'warn' };

async function getJson(url, init = {}) {
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
  const body = await response.json().catch(() => null);
  return { status: response.status, ok: response.ok, body };
}

const queryString = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();

// -------------------------------------------------------------------------------------------------------------------
// The query

async function query(no, name) {
  resultArea.replaceChildren(h('p', { class: 'muted', 'data-testid': 'query-working' }, ui('Working')));
  let answer;
  try {
    answer = await getJson(`/api/v1/public/verify?${queryString({ no, name })}`);
  } catch {
    resultArea.replaceChildren(problemPanel(null));
    return;
  }
  if (answer.status === 429) {
    resultArea.replaceChildren(limitedPanel(answer.body, () => query(no, name)));
  } else if (!answer.ok) {
    resultArea.replaceChildren(problemPanel(answer.body));
  } else if (answer.body.found) {
    resultArea.replaceChildren(...answer.body.certificates.map((c) => certificatePanel(c, answer.body)));
  } else {
    resultArea.replaceChildren(notFoundPanel(answer.body));
  }
  resultArea.firstElementChild?.scrollIntoView?.({ block: 'nearest' });
}

/** "Not found" carries nothing of the query (not the number, not the time): an unknown number and a wrong name look the same. */
function notFoundPanel(answer) {
  return h('section', { class: 'panel query-result bad', 'data-testid': 'query-result', 'data-found': 'false' },
    h('div', { class: 'query-verdict' }, h('div', {}, h('strong', { 'data-testid': 'query-verdict' }, ui('NotFoundTitle')),
      h('p', { 'data-testid': 'query-message' }, answer.message))),
    answer.hint ? h('p', { class: 'query-hint', 'data-testid': 'query-hint' }, h('strong', {}, ui('HintTitle'), '：'), answer.hint) : null,
    h('p', { 'data-testid': 'query-advice' }, ui('NotFoundAdvice')));
}

function certificatePanel(c, answer) {
  const tone = TONES[c.state] ?? 'bad';
  const fact = (key, value, attributes = {}) => [h('dt', {}, ui(key)), h('dd', attributes, value)];
  return h('section', { class: `panel query-result ${tone}`, 'data-testid': 'query-result', 'data-found': 'true', 'data-state': c.state },
    h('div', { class: 'query-verdict' }, h('div', {},
      h('strong', { 'data-testid': 'query-verdict' }, c.stateName),
      h('p', { 'data-testid': 'query-message' }, ui(`State.${c.state}`, c.stateDate ?? ''),
        c.reasonKind ? [' ', ui('Reason', c.reasonKind)] : null))),
    h('dl', { class: 'facts' },
      fact('Field.Holder', c.name, { class: 'name', 'data-testid': 'query-name-result' }),
      fact('Field.Number', c.maskedNumber, { class: 'mono', 'data-testid': 'query-number-result' }),
      fact('Field.Sex', c.sex),
      fact('Field.Category', `${c.categoryCode} ${c.categoryName}`),
      fact('Field.Item', `${c.itemCode} ${c.itemName}`, { 'data-testid': 'query-item-result' }),
      fact('Field.FirstIssued', c.firstIssuedOn),
      fact('Field.Validity', `${c.validFrom} — ${c.validTo}`),
      fact('Field.NextReview', c.nextReviewDue),
      fact('Field.Authority', c.authority)),
    h('p', { class: 'query-meta' }, ui('CheckedAt', chinaTime(answer.checkedAt))),
    h('p', { class: 'query-meta' }, h('a', { href: '/query/checks', 'data-testid': 'query-checks-link' }, ui('Checks.Link'))));
}

const problemPanel = (problem) => problemPanelOf(ui, problem, 'query-problem');

// -------------------------------------------------------------------------------------------------------------------
// Past the limit: the message, and the challenge that lets a person carry on

function limitedPanel(problem, retry) {
  const status = h('p', { class: 'muted', 'data-testid': 'query-challenge-status', role: 'status' });
  const panel = h('section', { class: 'panel query-result warn query-limited', 'data-testid': 'query-limited', 'data-code': problem?.code ?? '' },
    h('p', { class: 'alert bad', 'data-testid': 'query-limited-message' },
      h('strong', {}, problem?.title ?? ui('Error')), problem?.detail ? [' ', problem.detail] : null),
    problem?.retryAfter ? h('p', { class: 'muted small' }, ui('Limited.RetryAfter', problem.retryAfter)) : null,
    status);
  if (problem?.challenge) {
    const button = h('button', { type: 'button', class: 'button', 'data-testid': 'query-challenge' }, ui('Limited.Challenge'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = ui('Limited.Solving');
      const pass = await solveChallenge(problem.challenge).catch(() => null);
      if (!pass?.pass) {
        // Refused a challenge (fetched too often: the server's own words), or the answer was not accepted.
        status.textContent = pass?.refused ?? ui('Limited.Failed');
        button.disabled = false;
        return;
      }
      status.textContent = ui('Limited.Solved', pass.queries);
      status.dataset.solved = 'true';
      retry();
    });
    panel.append(h('div', { class: 'actions' }, button));
  }
  return panel;
}

/**
 * Gets a challenge, finds its answer in a worker (at the difficulty the server set: it rises for a client that keeps
 * asking, and under load), and trades it for a pass (kept by the browser as a cookie).
 */
async function solveChallenge(path) {
  const issued = await getJson(path);
  if (!issued.ok) return { refused: issued.body?.detail ?? issued.body?.title ?? null };
  const nonce = await new Promise((resolve, reject) => {
    const worker = new Worker('/query/pow-worker.js');
    worker.onmessage = ({ data }) => {
      worker.terminate();
      if (data.nonce !== undefined) resolve(data.nonce); else reject(new Error(data.error));
    };
    worker.onerror = (e) => { worker.terminate(); reject(e); };
    worker.postMessage({ challenge: issued.body.challenge, difficulty: issued.body.difficulty });
  });
  const solved = await getJson(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ challenge: issued.body.challenge, nonce }),
  });
  return solved.ok ? solved.body : null;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  query(numberInput.value.trim(), nameInput.value.trim());
});
