#!/usr/bin/env node
/*
 * Serves the dev app (dev/build.js's output) and stands in for Backstage's proxy:
 * /api/proxy/monitoring-onboarding/* goes to the monitoring onboarding API, as the
 * `proxy.endpoints./monitoring-onboarding` of app-config does. Like Backstage's proxy
 * (http-proxy-middleware), it answers 504 with a text body when the target cannot be reached.
 *   node monitoring-preview/dev/server.js --target http://127.0.0.1:8080 [--port 3000]
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const PREFIX = '/api/proxy/monitoring-onboarding';

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Monitoring preview (dev)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0"><div id="root"></div><script src="/app.js"></script></body></html>`;

function createServer({ dir, target }) {
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://dev');
    if (url.pathname.startsWith(`${PREFIX}/`)) {
      const upstream = new URL(url.pathname.slice(PREFIX.length) + url.search, target);
      const forward = http.request(
        upstream,
        { method: req.method, headers: { accept: req.headers.accept ?? '*/*' } },
        answer => {
          res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/octet-stream' });
          answer.pipe(res);
        },
      );
      forward.on('error', error => {
        res.writeHead(504, { 'content-type': 'text/plain' });
        res.end(`Error occurred while trying to proxy: ${req.headers.host}${req.url} (${error.code ?? error.message})`);
      });
      req.pipe(forward);
      return;
    }
    if (url.pathname === '/app.js' || url.pathname === '/app.css') {
      const file = path.join(dir, url.pathname);
      if (fs.existsSync(file)) {
        res.writeHead(200, { 'content-type': url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css' });
        fs.createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
}

/** Listens on 127.0.0.1 (port 0: a free one); resolves with the server and its base URL. */
async function start({ dir, target, port = 0 }) {
  const server = createServer({ dir, target });
  await new Promise(done => server.listen(port, '127.0.0.1', done));
  return { server, baseUrl: `http://127.0.0.1:${server.address().port}` };
}

module.exports = { start };

if (require.main === module) {
  const arg = name => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const { build } = require('./build');
  build()
    .then(dir => start({ dir, target: arg('target') ?? 'http://127.0.0.1:8080', port: Number(arg('port') ?? 3000) }))
    .then(({ baseUrl }) => console.log(`dev app on ${baseUrl}`));
}
