// Emailed links carry their single-use token after "#", which browsers never send to a server (so it
// stays out of logs and Referer headers). This copies it into the page's form; the form is posted only
// when the person presses its button.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (token) {
  for (const input of document.querySelectorAll('input[data-link-token]')) input.value = token;
}
