// Progressive enhancement only: every form works without this script.
// A form or the button that sends it may carry data-confirm: the question is asked once before sending
// (the server checks everything again).
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const message = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});

// After a failed send the error summary takes the focus, so a screen reader reads it and Tab goes on to its links.
// After a change that reloads the page (a month of the cronograma), the control named in the address keeps it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (summary) summary.focus();
  else if (target && target.matches('button, a, input, select, textarea')) target.focus();
});

// The menu's count of pending items, asked once the page has loaded (no page waits for it).
document.addEventListener('DOMContentLoaded', () => {
  const badge = document.getElementById('pending-count');
  if (!badge) return;
  fetch('/pendientes/cuenta', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((data) => {
      if (!data || data.count === 0) return;
      badge.textContent = data.count;
      badge.hidden = false;
    })
    .catch(() => {});
});
