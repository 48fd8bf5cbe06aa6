// Document pages: the print button and the sample kind chooser (no inline handlers: the CSP allows scripts from 'self' only).
document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
document.querySelectorAll('select[data-navigate]').forEach(s => s.addEventListener('change', () => {
  if (s.value) location.href = s.dataset.navigate + encodeURIComponent(s.value);
}));
