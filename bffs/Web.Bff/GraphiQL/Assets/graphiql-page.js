// Mounts GraphiQL (UMD globals React, ReactDOM, GraphiQL) on this BFF's endpoint. Every request carries the bearer
// token typed into the bar (or, in Development, the demo user's token fetched from the identity stub); a new token
// re-renders GraphiQL with a new fetcher, which makes it introspect the schema again.
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('bff-settings').textContent);
  var tokenInput = document.getElementById('bff-token');
  var demoButton = document.getElementById('bff-demo-token');
  var status = document.getElementById('bff-token-status');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  function bearer() {
    return tokenInput.value.trim().replace(/^Bearer\s+/i, '');
  }

  function createFetcher(token) {
    return async function (params, options) {
      var headers = Object.assign(
        { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
        (options && options.headers) || {});
      if (token) {
        headers.Authorization = 'Bearer ' + token;
      }

      var response = await fetch(settings.endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) });
      var text = await response.text();
      try {
        return JSON.parse(text);
      } catch (e) {
        return { errors: [{ message: 'HTTP ' + response.status + ': ' + text }] };
      }
    };
  }

  function render() {
    root.render(React.createElement(GraphiQL, {
      fetcher: createFetcher(bearer()),
      defaultQuery: settings.defaultQuery,
      shouldPersistHeaders: false,
    }));
  }

  async function useDemoToken() {
    status.textContent = 'fetching a token for ' + settings.demo.username + '...';
    var form = new URLSearchParams({
      grant_type: 'password',
      client_id: settings.demo.clientId,
      username: settings.demo.username,
      password: settings.demo.password,
    });
    var response = await fetch(settings.demo.tokenEndpoint, { method: 'POST', body: form });
    if (!response.ok) {
      status.textContent = 'token endpoint answered ' + response.status;
      return;
    }

    tokenInput.value = (await response.json()).access_token;
    status.textContent = 'signed in as ' + settings.demo.username;
    render();
  }

  tokenInput.addEventListener('change', function () {
    status.textContent = bearer() ? 'token set' : '';
    render();
  });

  if (settings.demo) {
    demoButton.hidden = false;
    demoButton.textContent = 'Use demo user (' + settings.demo.username + ')';
    demoButton.addEventListener('click', useDemoToken);
  }

  render();
})();
