// The print buttons of the statistics pages (no inline handlers: the CSP allows only the site's own scripts).
document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
