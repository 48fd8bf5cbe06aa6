// What the query page and the holder's page share: UI strings from the page, safe element building, problems, China time.

/** The page's UI strings (JSON in data-strings); {0}, {1}… are replaced by the arguments. */
export function strings(app) {
  const table = JSON.parse(app.dataset.strings);
  return (key, ...args) => (table[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
}

/** An element with attributes and children; text is always set as text, never as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** A problem (RFC 9457 body, or null when the request failed) as a red panel: its title and detail. */
export function problemPanel(ui, problem, testId) {
  return h('section', { class: 'panel query-result bad', 'data-testid': testId },
    h('p', { class: 'alert bad' }, problem?.title ?? ui('Error'), problem?.detail ? [' ', problem.detail] : null));
}

/** An ISO instant as China time, "yyyy-MM-dd HH:mm". */
export const chinaTime = (iso) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
