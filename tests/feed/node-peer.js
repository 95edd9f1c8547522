// A real external peer: start tickscope-server on a free port, connect with
// node-ws, read a message, check it against the mock schema
// (src/feed/README.md), then stop the server. Exit 0 on success.
'use strict';

const { spawn } = require('child_process');
const WebSocket = require('ws');

const serverPath = process.argv[2];
let server = null;
let done = false;

function finish(code, message) {
  if (done)
    return;
  done = true;
  console.log(message);
  if (server !== null && server.exitCode === null)
    server.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200);
}

setTimeout(() => finish(1, 'FAIL: timeout'), 20000);

function isPositive(x) {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

function checkTick(t) {
  if (typeof t.symbol !== 'string' || t.symbol.length === 0)
    return 'symbol';
  if (!Number.isInteger(t.time_us) || t.time_us <= 0)
    return 'time_us';
  if (t.seq !== undefined && (!Number.isInteger(t.seq) || t.seq < 0))
    return 'seq';
  const trade = t.price !== undefined;
  const quote = t.bid !== undefined;
  if (!trade && !quote)
    return 'neither trade nor quote';
  if (trade && (!isPositive(t.price) || !isPositive(t.size)))
    return 'price/size';
  if (trade && t.side !== undefined && t.side !== 'buy' && t.side !== 'sell')
    return 'side';
  if (quote && (!isPositive(t.bid) || !isPositive(t.ask) || !isPositive(t.bid_size) ||
                !isPositive(t.ask_size) || t.bid > t.ask))
    return 'quote';
  return null;
}

server = spawn(serverPath, ['--port', '0', '--speed', '10', '--seed', '3'],
               { stdio: ['ignore', 'pipe', 'inherit'] });
server.on('exit', (code) => {
  if (!done)
    finish(1, `FAIL: tickscope-server exited early with ${code}`);
});

let out = '';
server.stdout.on('data', (chunk) => {
  out += chunk.toString();
  const m = out.match(/Listening on (ws:\/\/\S+)/);
  if (m === null || server.connecting)
    return;
  server.connecting = true;
  const ws = new WebSocket(m[1]);
  ws.on('error', (e) => finish(1, `FAIL: ${e.message}`));
  ws.on('message', (data) => {
    let msg;
    try {
      msg = JSON.parse(data.toString());
    } catch (e) {
      finish(1, `FAIL: not JSON: ${e.message}`);
      return;
    }
    if (msg.type !== 'ticks' || !Array.isArray(msg.ticks) || msg.ticks.length === 0) {
      finish(1, `FAIL: unexpected message ${data.toString().slice(0, 200)}`);
      return;
    }
    for (const t of msg.ticks) {
      const bad = checkTick(t);
      if (bad !== null) {
        finish(1, `FAIL: bad ${bad} in ${JSON.stringify(t)}`);
        return;
      }
    }
    ws.close(1000);
    finish(0, `ok: ${msg.ticks.length} ticks from ${m[1]}, first ${JSON.stringify(msg.ticks[0])}`);
  });
});
