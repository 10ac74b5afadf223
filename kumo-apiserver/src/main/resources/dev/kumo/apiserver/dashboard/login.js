// The login link's page: spends the link's one-time code with a POST (opening the link, or a preview of it, spends
// nothing), takes the code out of the address bar and history, and goes on to the dashboard.

const code = new URLSearchParams(location.search).get('code') ?? '';
history.replaceState(null, '', '/ui/login');
const response = await fetch('/ui/login', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
});
if (response.ok) {
  location.replace('/ui/');
} else {
  document.getElementById('message').textContent = await response.text();
}
