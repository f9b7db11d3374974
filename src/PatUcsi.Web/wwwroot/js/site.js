// Progressive enhancement only: every form works without this script.
// Forms with data-confirm ask before they are sent (the server checks everything again).
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
