// Follows a background import (/registry/import?job=…): polls its API and moves the progress bar; when the job has
// ended, reloads the page, which then shows the result (or why it failed) as the server renders it.
const panel = document.querySelector('[data-testid="import-job"]');
if (panel) {
  const bar = panel.querySelector('progress');
  const text = panel.querySelector('[data-testid="import-job-progress"]');
  const template = panel.dataset.runningText || '';
  const poll = async () => {
    try {
      const response = await fetch(`/api/v1/certificates/imports/${panel.dataset.job}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const job = await response.json();
        panel.dataset.state = job.state;
        if (job.state === 'done' || job.state === 'failed') {
          window.location.reload();
          return;
        }
        bar.max = Math.max(job.rowsTotal, 1);
        bar.value = job.rowsDone;
        if (job.state === 'running') text.textContent = template.replace('{0}', job.rowsDone.toLocaleString()).replace('{1}', job.rowsTotal.toLocaleString());
      }
    } catch {
      // A lost connection: try again at the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}
