// The follow-up page past the look-up limit: the same challenge as the public query (proof of work in a worker). The
// pass it buys goes into the receipt form, which is posted again: the look-up goes through.
const panel = document.querySelector('[data-testid="tip-limited"]');
const button = panel?.querySelector('[data-testid="tip-challenge"]');
const status = panel?.querySelector('[data-testid="tip-challenge-status"]');
const form = document.querySelector('[data-testid="tip-receipt-form"]');

async function json(url, init = {}) {
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
  return { ok: response.ok, body: await response.json().catch(() => null) };
}

async function solve(path) {
  const issued = await json(path);
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
  const solved = await json(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ challenge: issued.body.challenge, nonce }),
  });
  return solved.ok ? solved.body : null;
}

if (panel && button && form) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = panel.dataset.solving;
    const pass = await solve(panel.dataset.challenge).catch(() => null);
    if (!pass?.pass) {
      status.textContent = pass?.refused ?? panel.dataset.failed;
      button.disabled = false;
      return;
    }
    status.dataset.solved = 'true';
    form.querySelector('input[name="Pass"]').value = pass.pass;
    if (form.reportValidity()) form.submit(); else button.disabled = false;
  });
}
