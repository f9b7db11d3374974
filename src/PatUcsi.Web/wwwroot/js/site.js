// Progressive enhancement only: every form works without this script.
// A form or the button that sends it may carry data-confirm: the question is asked once before sending
// (the server checks everything again).
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const message = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
